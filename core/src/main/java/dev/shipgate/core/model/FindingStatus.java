package dev.shipgate.core.model;

/** What the gate decided about a finding, before thresholds are applied. */
public enum FindingStatus {
  /** Counts toward the verdict. */
  OPEN,
  /** Existed at the diff base; reported separately, never blocks. */
  PREEXISTING,
  /** Accepted in the baseline file. */
  BASELINED,
  /** Silenced by an inline {@code shipgate:ignore} comment with a reason. */
  SUPPRESSED,
  /** Accepted by an unexpired waiver with an approver. */
  WAIVED;

  public boolean isSuppressedKind() {
    return this == SUPPRESSED || this == WAIVED || this == BASELINED;
  }
}
