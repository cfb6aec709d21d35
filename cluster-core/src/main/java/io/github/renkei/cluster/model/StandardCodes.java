package io.github.renkei.cluster.model;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Optional;

/** The standard catalogue of a {@link CodedValue} type: its constants in order, by code. */
final class StandardCodes<T extends CodedValue<T>> {

  private final ImmutableList<T> list;
  private final ImmutableMap<String, T> byCode;

  StandardCodes(List<T> constants) {
    this.list = ImmutableList.copyOf(constants);
    this.byCode = list.stream().collect(ImmutableMap.toImmutableMap(CodedValue::code, c -> c));
  }

  ImmutableList<T> list() {
    return list;
  }

  Optional<T> find(String code) {
    return Optional.ofNullable(byCode.get(checkNotNull(code, "code")));
  }
}
