package dev.shipgate.evidence;

/**
 * A verified approval the gate applied, as recorded in attestations and the audit log.
 *
 * @param approver the trusted identity that signed it ({@code @alice}, {@code @acme/security})
 * @param scope what it approves: a change, tier, rule or finding fingerprint, in the approving record's words
 * @param keyId the key that signed it ({@link Keys#keyId}), or "" when it came from a code host's review list
 */
public record Approval(String approver, String scope, String keyId) {}
