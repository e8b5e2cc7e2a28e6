/**
 * TLS for the embedded broker: the private CA and broker certificate of {@code certs init}
 * ({@link io.neuromesh.broker.internal.tls.CertificateIssuer}), PEM files ({@link io.neuromesh.broker.internal.tls.PemFiles})
 * and the keystore HiveMQ's TLS listener reads ({@link io.neuromesh.broker.internal.tls.ListenerKeystore}).
 */
package io.neuromesh.broker.internal.tls;
