package dev.marquee.ingest.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartPlanTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void cutsIntoEqualPartsAndAShorterLastOne() {
    PartPlan plan = PartPlan.forSize(20 * MIB + 5, 8 * MIB);
    assertThat(plan.partCount()).isEqualTo(3);
    assertThat(plan.expectedSize(1)).isEqualTo(8 * MIB);
    assertThat(plan.expectedSize(3)).isEqualTo(4 * MIB + 5);
    assertThat(plan.offsetOf(3)).isEqualTo(16 * MIB);
  }

  @Test
  void aSmallMasterIsOnePart() {
    PartPlan plan = PartPlan.forSize(1000, 8 * MIB);
    assertThat(plan.partCount()).isEqualTo(1);
    assertThat(plan.expectedSize(1)).isEqualTo(1000);
  }

  @Test
  void hugeMastersGetLargerPartsToStayWithinTenThousand() {
    PartPlan plan = PartPlan.forSize(200L * 1024 * MIB, 8 * MIB);
    assertThat(plan.partCount()).isLessThanOrEqualTo(PartPlan.MAX_PARTS);
    assertThat(plan.partSize() % MIB).isZero();
  }

  @Test
  void partsOutsideThePlanAreRefused() {
    PartPlan plan = PartPlan.forSize(10 * MIB, 8 * MIB);
    assertThatThrownBy(() -> plan.expectedSize(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan.expectedSize(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
