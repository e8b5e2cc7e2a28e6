package io.neuromesh.edge.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GpioSetCodecTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheDocumentedShapes() {
        assertEquals("{\"v\":1,\"pin\":17,\"level\":\"high\"}",
                text(GpioSetCodec.encodeRequest(new GpioSetRequest(17, PinLevel.HIGH))));
        assertEquals("{\"v\":1,\"ok\":true}", text(GpioSetCodec.encodeReply(GpioSetReply.done())));
        assertEquals("{\"v\":1,\"ok\":false,\"error\":\"pin 5 is not a sensor input on node n1\"}",
                text(GpioSetCodec.encodeReply(GpioSetReply.refused("pin 5 is not a sensor input on node n1"))));
    }

    @Test
    void roundTripsAndReadsUnversionedBodies() throws Exception {
        GpioSetRequest request = new GpioSetRequest(4, PinLevel.LOW);
        assertEquals(request, GpioSetCodec.decodeRequest(GpioSetCodec.encodeRequest(request)));
        assertEquals(new GpioSetRequest(17, PinLevel.HIGH),
                GpioSetCodec.decodeRequest(bytes("{\"pin\":17,\"level\":\"high\"}")));
        for (GpioSetReply reply : new GpioSetReply[] {GpioSetReply.done(), GpioSetReply.refused("no")}) {
            assertEquals(reply, GpioSetCodec.decodeReply(GpioSetCodec.encodeReply(reply)));
        }
        assertEquals(GpioSetReply.done(), GpioSetCodec.decodeReply(bytes("{\"ok\":true}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|gpio-set request: empty payload",
            "{\"level\":\"high\"}|gpio-set request: pin: missing",
            "{\"pin\":\"17\",\"level\":\"high\"}|gpio-set request: pin: must be a whole number >= 0, got \"17\"",
            "{\"pin\":-1,\"level\":\"high\"}|gpio-set request: pin: must be a whole number >= 0, got -1",
            "{\"pin\":3000000000,\"level\":\"high\"}|gpio-set request: pin: must be a BCM number, got 3000000000",
            "{\"pin\":17}|gpio-set request: level: missing",
            "{\"pin\":17,\"level\":\"on\"}|gpio-set request: level: must be one of high, low, got \"on\"",
    })
    void rejectsInvalidRequestsWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> GpioSetCodec.decodeRequest(bytes(text))).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{}|gpio-set reply: ok: missing",
            "{\"ok\":\"yes\"}|gpio-set reply: ok: must be true or false, got \"yes\"",
            "{\"ok\":false}|gpio-set reply: error: missing",
            "{\"ok\":false,\"error\":\" \"}|gpio-set reply: error: must say why the pin was not set",
            "{\"v\":2,\"ok\":true}|gpio-set reply: v: version 2 is newer than this node reads (1); upgrade this node",
    })
    void rejectsInvalidRepliesWithAReason(String text, String reason) {
        assertEquals(reason, assertThrows(WireFormatException.class,
                () -> GpioSetCodec.decodeReply(bytes(text))).getMessage());
    }
}
