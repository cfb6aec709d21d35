package io.github.renkei.cluster.matching;

import io.github.renkei.cluster.model.NeedId;
import io.github.renkei.cluster.model.OrganizationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requesters of a problem's unlocked needs, for the matchers and checks that respect
 * {@linkplain MatchingProblem#requesterCapacities() requester capacities}: each row of the
 * eligibility graph gets its requester's index, and each requester the number of its needs that
 * may still be matched after the locks ({@link Integer#MAX_VALUE} if it is unlimited).
 */
final class RequesterLimits {

  /** For each row, the index of its need's requester. */
  final int[] requesterOfRow;
  /** For each requester, how many of its unlocked needs may be matched; MAX_VALUE if unlimited. */
  final int[] left;
  /** For each requester, its id. */
  final OrganizationId[] ids;

  private RequesterLimits(int[] requesterOfRow, int[] left, OrganizationId[] ids) {
    this.requesterOfRow = requesterOfRow;
    this.left = left;
    this.ids = ids;
  }

  static RequesterLimits of(EligibilityGraph g) {
    MatchingProblem p = g.problem;
    Map<OrganizationId, Integer> index = new HashMap<>();
    List<OrganizationId> ids = new ArrayList<>();
    int[] requesterOfRow = new int[g.rows()];
    for (int r = 0; r < g.rows(); r++) {
      OrganizationId id = g.need(r).requester();
      Integer k = index.get(id);
      if (k == null) {
        k = ids.size();
        index.put(id, k);
        ids.add(id);
      }
      requesterOfRow[r] = k;
    }
    int[] left = new int[ids.size()];
    for (int k = 0; k < left.length; k++) {
      left[k] = p.requesterCapacity(ids.get(k)).orElse(Integer.MAX_VALUE);
    }
    for (NeedId locked : p.locks().keySet()) {
      Integer k = index.get(p.need(locked).orElseThrow().requester());
      if (k != null && left[k] != Integer.MAX_VALUE) {
        left[k]--;
      }
    }
    return new RequesterLimits(requesterOfRow, left, ids.toArray(new OrganizationId[0]));
  }

  int requesters() {
    return ids.length;
  }

  boolean unlimited(int requester) {
    return left[requester] == Integer.MAX_VALUE;
  }

  /**
   * Whether a requester prefers edge ea (row ra) to eb (row rb): the higher need-side score, then
   * the need with the smaller id, then the supplier with the smaller id. Within one need this is
   * the need's own order ({@link StableMatcher#needPrefers}).
   */
  static boolean requesterPrefers(EligibilityGraph g, int ea, int ra, int eb, int rb) {
    double a = g.score[ea];
    double b = g.score[eb];
    if (a != b) {
      return a > b;
    }
    if (ra != rb) {
      return ra < rb;
    }
    return g.supplier[ea] < g.supplier[eb];
  }
}
