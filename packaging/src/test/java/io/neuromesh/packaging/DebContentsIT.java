package io.neuromesh.packaging;

import io.neuromesh.testkit.process.ManagedProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The built packages as dpkg sees them ({@code dpkg-deb -I/-c}), and the tarball as tar lists it. */
@Timeout(120)
class DebContentsIT {

    /** Jars only the broker needs; none may be in the edge package. */
    private static final Pattern BROKER_ONLY = Pattern.compile("hivemq|rocksdb|bcprov|bcpkix|netty|xodus"
            + "|neuromesh-broker-|neuromesh-bench-");
    private static final long MAX_EDGE_BYTES = 20L * 1024 * 1024;

    @BeforeAll
    static void dpkgDebIsHere() throws Exception {
        assumeTrue(Built.run("sh", "-c", "command -v dpkg-deb").exitCode() == 0,
                "dpkg-deb is not installed (apt-get install dpkg): cannot read the packages");
    }

    @Test
    void theEdgePackageHoldsTheCommandLineWithoutTheBrokerAndIsSmall() throws Exception {
        List<String> files = Built.contents(Built.EDGE_DEB);
        List<String> jars = files.stream().filter(f -> f.endsWith(".jar")).toList();
        assertTrue(jars.stream().noneMatch(j -> BROKER_ONLY.matcher(j).find()), "broker jars in " + jars);
        assertTrue(jars.stream().allMatch(j -> j.startsWith("./usr/share/neuromesh/lib/")), jars.toString());
        assertTrue(jars.contains("./usr/share/neuromesh/lib/neuromesh-cli-" + Built.VERSION + ".jar"), jars.toString());
        assertTrue(jars.contains("./usr/share/neuromesh/lib/neuromesh-edge-runtime-" + Built.VERSION + ".jar"),
                jars.toString());
        for (String file : new String[] {"./usr/bin/neuromesh", "./usr/share/neuromesh/find-java.sh",
                "./etc/neuromesh/neuromesh.conf", "./usr/lib/systemd/system/neuromesh-edge.service"}) {
            assertTrue(files.contains(file), file + " in " + files);
        }
        assertFalse(files.contains("./usr/lib/systemd/system/neuromesh-broker.service"), files.toString());
        long size = Files.size(Built.EDGE_DEB);
        assertTrue(size < MAX_EDGE_BYTES, "the edge package has " + size + " bytes");

        String launcher = Built.run("dpkg-deb", "-c", Built.EDGE_DEB.toString()).output().lines()
                .filter(l -> l.endsWith(" ./usr/bin/neuromesh")).findFirst().orElseThrow();
        assertTrue(launcher.startsWith("-rwxr-xr-x root/root"), launcher);
    }

    @Test
    void theEdgePackageNeedsJava21KeepsItsConfigurationAndHasItsMaintainerScripts() throws Exception {
        assertEquals(Built.DEB_VERSION, field(Built.EDGE_DEB.toString(), "Version"));
        assertEquals("all", field(Built.EDGE_DEB.toString(), "Architecture"));
        String depends = field(Built.EDGE_DEB.toString(), "Depends");
        assertTrue(depends.contains("java21-runtime-headless") && depends.contains("adduser"), depends);
        assertEquals("/etc/neuromesh/neuromesh.conf", control(Built.EDGE_DEB.toString(), "conffiles").strip());
        for (String script : new String[] {"postinst", "prerm", "postrm"}) {
            assertTrue(control(Built.EDGE_DEB.toString(), script).startsWith("#!/bin/sh"), script);
        }
        assertTrue(control(Built.EDGE_DEB.toString(), "postrm").contains("rm -rf /var/lib/neuromesh"));
    }

    @Test
    void theBrokerPackageHoldsTheRestAndDependsOnThisVersionOfTheEdgePackage() throws Exception {
        assertEquals("neuromesh (= " + Built.DEB_VERSION + ")", field(Built.BROKER_DEB.toString(), "Depends"));
        List<String> files = Built.contents(Built.BROKER_DEB);
        List<String> jars = files.stream().filter(f -> f.endsWith(".jar")).toList();
        assertTrue(jars.stream().allMatch(j -> j.startsWith("./usr/share/neuromesh/broker/")), jars.toString());
        for (String jar : new String[] {"hivemq-community-edition-embedded-", "rocksdbjni-", "bcpkix-jdk18on-",
                "neuromesh-broker-" + Built.VERSION, "neuromesh-bench-" + Built.VERSION}) {
            assertTrue(jars.stream().anyMatch(j -> j.contains("/" + jar)), jar + " in " + jars);
        }
        assertTrue(files.contains("./usr/lib/systemd/system/neuromesh-broker.service"), files.toString());

        Set<String> edgeJars = names(Built.contents(Built.EDGE_DEB));
        Set<String> both = names(files);
        both.retainAll(edgeJars);
        assertTrue(both.isEmpty(), "jars in both packages: " + both);
    }

    @Test
    void theTarballHasBothPackagesFilesAndItsInstallNotes() throws Exception {
        ManagedProcess.Result listing = Built.run("tar", "-tvzf", Built.TARBALL.toString());
        assertEquals(0, listing.exitCode(), listing.output());
        String base = "neuromesh-" + Built.VERSION + "/";
        for (String file : new String[] {"INSTALL", "usr/bin/neuromesh", "usr/share/neuromesh/find-java.sh",
                "etc/neuromesh/neuromesh.conf", "usr/lib/systemd/system/neuromesh-edge.service",
                "usr/lib/systemd/system/neuromesh-broker.service",
                "usr/share/neuromesh/lib/neuromesh-cli-" + Built.VERSION + ".jar",
                "usr/share/neuromesh/broker/neuromesh-broker-" + Built.VERSION + ".jar"}) {
            assertTrue(listing.output().contains(" " + base + file + "\n"), file + " in\n" + listing.output());
        }
        assertTrue(listing.output().lines().anyMatch(l -> l.startsWith("-rwxr-xr-x") && l.endsWith(base
                + "usr/bin/neuromesh")), listing.output());
        ManagedProcess.Result install = Built.run("tar", "-xzOf", Built.TARBALL.toString(), base + "INSTALL");
        assertTrue(install.output().contains("Neuromesh " + Built.VERSION + ": install on Linux"), install.output());
    }

    private static Set<String> names(List<String> files) {
        Set<String> names = new HashSet<>();
        files.stream().filter(f -> f.endsWith(".jar")).forEach(f -> names.add(f.substring(f.lastIndexOf('/') + 1)));
        return names;
    }

    private static String field(String deb, String name) throws Exception {
        ManagedProcess.Result result = Built.run("dpkg-deb", "-f", deb, name);
        assertEquals(0, result.exitCode(), result.output());
        return result.output().strip();
    }

    private static String control(String deb, String file) throws Exception {
        ManagedProcess.Result result = Built.run("dpkg-deb", "-I", deb, file);
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }
}
