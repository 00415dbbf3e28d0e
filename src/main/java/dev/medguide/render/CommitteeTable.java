package dev.medguide.render;

import static org.jsoup.nodes.Entities.escape;

import dev.medguide.internal.Messages;
import dev.medguide.model.CommitteeMember;
import dev.medguide.model.Language;
import java.util.List;

/** The committee roster as an HTML table in the page's language; the chair is marked. */
final class CommitteeTable {
  private final List<CommitteeMember> members;
  private final Messages messages;

  CommitteeTable(List<CommitteeMember> members, Messages messages) {
    this.members = members;
    this.messages = messages;
  }

  String html(Language lang) {
    StringBuilder html = new StringBuilder();
    html.append("<div class=\"table-scroll\"><table class=\"tableblock committee\">\n<caption>")
        .append(
            escape(
                messages
                    .get(lang, "committee.caption")
                    .replace("{0}", String.valueOf(members.size()))))
        .append("</caption>\n<thead><tr>");
    for (String column : new String[] {"no", "name", "affiliation", "role"}) {
      html.append("<th scope=\"col\">")
          .append(escape(messages.get(lang, "committee." + column)))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (CommitteeMember member : members) {
      html.append(member.chair() ? "<tr class=\"chair\">" : "<tr>")
          .append("<td>")
          .append(member.no())
          .append("</td>")
          .append("<th scope=\"row\">")
          .append(name(member, lang))
          .append("</th>")
          .append("<td>")
          .append(affiliation(member, lang))
          .append("</td>")
          .append("<td>")
          .append(
              escape(messages.get(lang, member.chair() ? "committee.chair" : "committee.member")))
          .append("</td></tr>\n");
    }
    html.append("</tbody></table></div>\n");
    if (lang != Language.JA && members.stream().anyMatch(m -> !m.readingConfirmed())) {
      html.append("<p class=\"table-note\">")
          .append(escape(messages.get(lang, "committee.provisional")))
          .append("</p>\n");
    }
    return html.toString();
  }

  private static String name(CommitteeMember member, Language lang) {
    if (lang == Language.JA) {
      return "<span class=\"member-name\">" + escape(member.nameJa()) + "</span>";
    }
    return "<span class=\"member-name\">"
        + escape(member.nameEn())
        + (member.readingConfirmed() ? "" : "†")
        + "</span> <span class=\"member-name-ja\" lang=\"ja\">"
        + escape(member.nameJa())
        + "</span>";
  }

  private static String affiliation(CommitteeMember member, Language lang) {
    if (lang == Language.JA) {
      return escape(member.affiliationJa());
    }
    return escape(member.affiliationEn())
        + "<br><span class=\"affiliation-ja\" lang=\"ja\">"
        + escape(member.affiliationJa())
        + "</span>";
  }
}
