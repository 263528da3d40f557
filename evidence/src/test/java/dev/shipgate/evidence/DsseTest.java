package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DsseTest {

  private static final String TYPE = "application/vnd.in-toto+json";
  private static final byte[] PAYLOAD = "{\"hello\":\"wörld\"}".getBytes(StandardCharsets.UTF_8);

  /** PAE written out by hand from the DSSE spec, independent of {@link Dsse#pae}. */
  private static byte[] handPae(String type, byte[] payload) {
    String head = "DSSEv1 " + type.getBytes(StandardCharsets.UTF_8).length + " " + type + " " + payload.length + " ";
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[h.length + payload.length];
    System.arraycopy(h, 0, out, 0, h.length);
    System.arraycopy(payload, 0, out, h.length, payload.length);
    return out;
  }

  private static String jca(Keys.Algorithm alg) {
    return alg == Keys.Algorithm.ED25519 ? "Ed25519" : "SHA256withECDSA";
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void shipgateSignaturesVerifyWithPlainJca(Keys.Algorithm alg) throws Exception {
    KeyPair pair = Keys.generate(alg);
    Envelope env = Dsse.sign(TYPE, PAYLOAD, pair.getPrivate(), Keys.keyId(pair.getPublic()));
    // Read back through JSON as a third party would, with the JDK's decoder.
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(env.toJson());
    byte[] payload = Base64.getDecoder().decode(json.get("payload").asText());
    byte[] sig = Base64.getDecoder().decode(json.get("signatures").get(0).get("sig").asText());
    Signature v = Signature.getInstance(jca(alg));
    v.initVerify(pair.getPublic());
    v.update(handPae(json.get("payloadType").asText(), payload));
    assertThat(v.verify(sig)).isTrue();
    assertThat(payload).isEqualTo(PAYLOAD);
    if (alg == Keys.Algorithm.P256) {
      assertThat(sig[0]).as("ECDSA signatures are ASN.1 DER sequences").isEqualTo((byte) 0x30);
    } else {
      assertThat(sig).hasSize(64);
    }
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void plainJcaSignaturesVerifyWithShipgate(Keys.Algorithm alg) throws Exception {
    KeyPair pair = Keys.generate(alg);
    Signature s = Signature.getInstance(jca(alg));
    s.initSign(pair.getPrivate());
    s.update(handPae(TYPE, PAYLOAD));
    String json = "{\"payloadType\":\"" + TYPE + "\",\"payload\":\"" + Base64.getEncoder().encodeToString(PAYLOAD)
        + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"" + Base64.getEncoder().encodeToString(s.sign()) + "\"}]}";
    Dsse.Verification v = Dsse.verify(Envelope.parse(json, "hand.json"), TrustedKeys.of(Map.of("@alice", pair.getPublic())));
    assertThat(v.verified()).as(v.failure()).isTrue();
    assertThat(v.identity()).isEqualTo("@alice");
    assertThat(v.keyId()).isEqualTo(Keys.keyId(pair.getPublic()));
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void tamperedPayloadFails(Keys.Algorithm alg) throws Exception {
    KeyPair pair = Keys.generate(alg);
    Envelope env = Dsse.sign(TYPE, PAYLOAD, pair.getPrivate(), Keys.keyId(pair.getPublic()));
    Envelope tampered = new Envelope(TYPE, "{\"hello\":\"there\"}".getBytes(StandardCharsets.UTF_8), env.signatures());
    Dsse.Verification v = Dsse.verify(tampered, TrustedKeys.of(Map.of("@alice", pair.getPublic())));
    assertThat(v.verified()).isFalse();
    assertThat(v.failure()).contains("@alice").contains("altered after signing");
    Envelope retyped = new Envelope("text/plain", PAYLOAD, env.signatures());
    assertThat(Dsse.verify(retyped, TrustedKeys.of(Map.of("@alice", pair.getPublic()))).verified())
        .as("the payload type is signed too").isFalse();
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void tamperedSignatureFails(Keys.Algorithm alg) throws Exception {
    KeyPair pair = Keys.generate(alg);
    Envelope env = Dsse.sign(TYPE, PAYLOAD, pair.getPrivate(), Keys.keyId(pair.getPublic()));
    byte[] sig = env.signatures().get(0).sig();
    sig[sig.length - 1] ^= 1;
    Envelope tampered = new Envelope(TYPE, PAYLOAD, List.of(new Envelope.Signature(env.signatures().get(0).keyid(), sig)));
    assertThat(Dsse.verify(tampered, TrustedKeys.of(Map.of("@alice", pair.getPublic()))).failure())
        .contains("does not match the payload");
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void wrongKeyAndUntrustedKeyFail(Keys.Algorithm alg) throws Exception {
    KeyPair signer = Keys.generate(alg);
    KeyPair other = Keys.generate(alg);
    Envelope env = Dsse.sign(TYPE, PAYLOAD, signer.getPrivate(), Keys.keyId(signer.getPublic()));
    Dsse.Verification v = Dsse.verify(env, TrustedKeys.of(Map.of("@bob", other.getPublic())));
    assertThat(v.verified()).isFalse();
    assertThat(v.failure()).contains(Keys.keyId(signer.getPublic())).contains("not a trusted key");
    // A signature that claims a trusted key id but was made with another key.
    Envelope forged = Dsse.sign(TYPE, PAYLOAD, signer.getPrivate(), Keys.keyId(other.getPublic()));
    assertThat(Dsse.verify(forged, TrustedKeys.of(Map.of("@bob", other.getPublic()))).failure())
        .contains("@bob").contains("does not match");
    assertThat(Dsse.verify(env, TrustedKeys.none()).failure()).contains("no trusted keys");
  }

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void envelopeSurvivesJsonRoundTrip(Keys.Algorithm alg) throws Exception {
    SigningKey key = SigningKey.of(Keys.generate(alg));
    Envelope env = Dsse.sign(TYPE, PAYLOAD, key);
    Envelope back = Envelope.parse(env.toJson(), "x.json");
    assertThat(back.payload()).isEqualTo(PAYLOAD);
    assertThat(back.signatures()).isEqualTo(env.signatures());
    assertThat(Dsse.verify(back, TrustedKeys.of(Map.of("@ci", key.publicKey()))).identity()).isEqualTo("@ci");
  }

  @org.junit.jupiter.api.Test
  void paeMatchesTheSpecExample() {
    // The example from the DSSE protocol document.
    assertThat(new String(Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
        StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @org.junit.jupiter.api.Test
  void malformedEnvelopesAreClearErrors() {
    assertThatThrownBy(() -> Envelope.parse("{not json", "a.json")).isInstanceOf(EvidenceException.class)
        .hasMessageStartingWith("a.json: not a DSSE envelope: invalid JSON at line 1");
    assertThatThrownBy(() -> Envelope.parse("[]", "a.json")).hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"%%%\",\"signatures\":[]}", "a.json"))
        .hasMessage("a.json: 'payload' is not valid base64");
    assertThatThrownBy(() -> Envelope.parse("{\"payloadType\":\"t\",\"payload\":\"aGk=\",\"signatures\":[]}", "a.json"))
        .hasMessageContaining("'signatures' must be a non-empty array");
    assertThatThrownBy(() -> Envelope.parse(
        "{\"payloadType\":\"t\",\"payload\":\"aGk=\",\"signatures\":[{\"keyid\":\"k\",\"sig\":\"!!\"}]}", "a.json"))
        .hasMessage("a.json: 'signatures[0].sig' is not valid base64");
    assertThatThrownBy(() -> Envelope.parse("{\"payload\":\"aGk=\",\"signatures\":[]}", "a.json"))
        .hasMessageContaining("'payloadType' must be a string");
  }
}
