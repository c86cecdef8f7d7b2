package dev.yardstick.provider.hosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yardstick.config.EndpointConfig;
import dev.yardstick.config.FieldException;
import org.junit.jupiter.api.Test;

/** The protocols a config file's endpoint may name are the ones the hosted providers speak, no more, no fewer. */
class EndpointProtocolsTest {

    private static EndpointConfig endpoint(String provider, String baseUrl) {
        return new EndpointConfig(provider, baseUrl, null, null, null, null, null);
    }

    @Test
    void everyProtocolTheConfigAdmitsIsSpoken() {
        for (String protocol : EndpointConfig.PROTOCOLS) {
            HostedApi api = HostedApi.protocol(protocol);
            assertEquals(protocol, api == null ? null : api.protocol(), protocol);
        }
    }

    @Test
    void aliasesBecomeTheirProtocolAndTyposAreNamed() {
        assertEquals("openai", endpoint("vLLM", "http://127.0.0.1:8000/v1").provider());
        assertEquals("gemini", endpoint("google", "http://127.0.0.1:8000").provider());
        FieldException typo = assertThrows(FieldException.class, () -> endpoint("openaii", "http://127.0.0.1:1/v1"));
        assertEquals("provider", typo.field());
        assertTrue(typo.problem().contains("unknown protocol 'openaii' (did you mean 'openai'?)"), typo.problem());
        assertEquals("base-url", assertThrows(FieldException.class, () -> endpoint("openai", " ")).field());
        assertEquals("provider", assertThrows(FieldException.class, () -> endpoint(null, "http://h/v1")).field());
    }
}
