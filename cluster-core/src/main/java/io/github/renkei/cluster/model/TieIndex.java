package io.github.renkei.cluster.model;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The relationships of a cluster, sorted and indexed by both ends with compressed sparse rows:
 * {@code byFrom} in canonical order (from, to, type, start year, end year; ids compared as
 * text), {@code byTo} in order (to, from, type, start, end). The ties out of the organization
 * at position {@code i} are {@code byFrom[outStart[i], outStart[i+1])}. Sorting is five stable
 * counting-sort passes, O(m + n) each, so a million ties sort in tens of milliseconds.
 * Immutable.
 */
final class TieIndex {

  static final TieIndex EMPTY = new TieIndex(ImmutableList.of(), new int[1], ImmutableList.of(), new int[1], typeLists(ImmutableList.of()));

  final ImmutableList<Relationship> byFrom;
  private final int[] outStart;
  private final ImmutableList<Relationship> byTo;
  private final int[] inStart;
  private final ImmutableList<ImmutableList<Relationship>> byType;

  private TieIndex(
      ImmutableList<Relationship> byFrom,
      int[] outStart,
      ImmutableList<Relationship> byTo,
      int[] inStart,
      ImmutableList<ImmutableList<Relationship>> byType) {
    this.byFrom = byFrom;
    this.outStart = outStart;
    this.byTo = byTo;
    this.inStart = inStart;
    this.byType = byType;
  }

  /**
   * Sorts and indexes relationships whose ends are all in {@code orgs}. Ends are replaced by
   * the organizations' own id instances, so that a million ties share a hundred thousand ids.
   * Exact duplicates are kept; {@link #duplicates()} finds them.
   */
  static TieIndex build(OrganizationIndex orgs, Relationship[] ties) {
    int[] from = new int[ties.length];
    int[] to = new int[ties.length];
    for (int i = 0; i < ties.length; i++) {
      from[i] = orgs.positionOf(ties[i].from());
      to[i] = orgs.positionOf(ties[i].to());
      if (from[i] < 0 || to[i] < 0) {
        throw new IllegalStateException("unvalidated tie " + ties[i]);
      }
    }
    return build(orgs, ties, from, to);
  }

  /**
   * Like {@link #build(OrganizationIndex, Relationship[])} with the positions of the ends
   * already looked up (by the validation that found them all known).
   */
  static TieIndex build(OrganizationIndex orgs, Relationship[] ties, int[] from, int[] to) {
    int m = ties.length;
    int n = orgs.size();
    int[] type = new int[m];
    int[] start = new int[m];
    int[] end = new int[m];
    Relationship[] shared = new Relationship[m];
    for (int i = 0; i < m; i++) {
      Relationship r = ties[i];
      type[i] = r.type().ordinal();
      start[i] = r.startYear();
      end[i] = r.endYearOrZero();
      OrganizationId fid = orgs.list.get(from[i]).id();
      OrganizationId tid = orgs.list.get(to[i]).id();
      shared[i] = (r.from() == fid && r.to() == tid) ? r : r.withIds(fid, tid);
    }
    // LSD: least significant key first; every pass is stable.
    int[] order = identity(m);
    order = countingSort(order, end, 10_000);
    order = countingSort(order, start, 10_000);
    order = countingSort(order, type, RelationshipType.values().length);
    order = countingSort(order, to, n);
    order = countingSort(order, from, n);
    Relationship[] outSorted = new Relationship[m];
    for (int i = 0; i < m; i++) {
      outSorted[i] = shared[order[i]];
    }
    int[] inOrder = countingSort(order, to, n);
    Relationship[] inSorted = new Relationship[m];
    for (int i = 0; i < m; i++) {
      inSorted[i] = shared[inOrder[i]];
    }
    ImmutableList<Relationship> byFrom = ImmutableList.copyOf(outSorted);
    return new TieIndex(
        byFrom, offsets(from, n), ImmutableList.copyOf(inSorted), offsets(to, n), typeLists(byFrom));
  }

  /** Same ties re-indexed after organizations were added; relative order is unchanged. */
  TieIndex reindex(OrganizationIndex orgs) {
    if (byFrom.isEmpty()) {
      return new TieIndex(byFrom, new int[orgs.size() + 1], byTo, new int[orgs.size() + 1], byType);
    }
    return build(orgs, byFrom.toArray(new Relationship[0]));
  }

  private static ImmutableList<ImmutableList<Relationship>> typeLists(ImmutableList<Relationship> sorted) {
    List<ImmutableList.Builder<Relationship>> b = new ArrayList<>();
    for (int i = 0; i < RelationshipType.values().length; i++) {
      b.add(ImmutableList.builder());
    }
    for (Relationship r : sorted) {
      b.get(r.type().ordinal()).add(r);
    }
    return b.stream().map(ImmutableList.Builder::build).collect(ImmutableList.toImmutableList());
  }

  private static int[] identity(int m) {
    int[] a = new int[m];
    for (int i = 0; i < m; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Stable counting sort of {@code order} by {@code key[order[i]]}, keys in [0, buckets). */
  private static int[] countingSort(int[] order, int[] key, int buckets) {
    int[] count = new int[buckets + 1];
    for (int i : order) {
      count[key[i] + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      count[b + 1] += count[b];
    }
    int[] out = new int[order.length];
    for (int i : order) {
      out[count[key[i]]++] = i;
    }
    return out;
  }

  private static int[] offsets(int[] keys, int n) {
    int[] start = new int[n + 1];
    for (int k : keys) {
      start[k + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    return start;
  }

  int size() {
    return byFrom.size();
  }

  ImmutableList<Relationship> from(int position) {
    return byFrom.subList(outStart[position], outStart[position + 1]);
  }

  ImmutableList<Relationship> to(int position) {
    return byTo.subList(inStart[position], inStart[position + 1]);
  }

  ImmutableList<Relationship> ofType(RelationshipType type) {
    return byType.get(type.ordinal());
  }

  /** Returns each relationship that equals its predecessor in canonical order. */
  ImmutableList<Relationship> duplicates() {
    ImmutableList.Builder<Relationship> d = ImmutableList.builder();
    for (int i = 1; i < byFrom.size(); i++) {
      if (byFrom.get(i).equals(byFrom.get(i - 1))) {
        d.add(byFrom.get(i));
      }
    }
    return d.build();
  }
}
