package dev.medguide.render;

import dev.medguide.model.CommitteeMember;
import dev.medguide.model.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committee roster's view for the {@code committee} macro of {@code templates/data.ftl}: the
 * members in order, the chair marked, names and affiliations in both languages.
 */
final class CommitteeTable {
  private final List<CommitteeMember> members;

  CommitteeTable(List<CommitteeMember> members) {
    this.members = members;
  }

  Map<String, Object> view(Language lang) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ja", lang == Language.JA);
    view.put("provisional", members.stream().anyMatch(m -> !m.readingConfirmed()));
    view.put(
        "members",
        members.stream()
            .map(
                m -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("no", String.valueOf(m.no()));
                  row.put("chair", m.chair());
                  row.put("nameJa", m.nameJa());
                  row.put("nameEn", m.nameEn());
                  row.put("confirmed", m.readingConfirmed());
                  row.put("affiliationJa", m.affiliationJa());
                  row.put("affiliationEn", m.affiliationEn());
                  return row;
                })
            .toList());
    return view;
  }
}
