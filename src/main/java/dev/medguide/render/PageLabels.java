package dev.medguide.render;

import dev.medguide.internal.Messages;
import dev.medguide.model.Page;
import dev.medguide.model.SectionNumbers;

/** How a page is named to readers: its title with the chapter or section number in front. */
final class PageLabels {
  private final Messages messages;

  PageLabels(Messages messages) {
    this.messages = messages;
  }

  /** {@code 6.5 技術的安全対策}, {@code 第6章 情報システムの基本的な安全管理}, or the bare title. */
  String label(Page page) {
    String number = number(page);
    return number.isEmpty() ? page.title() : number + " " + page.title();
  }

  /** {@code 6.5}, {@code 3.3.1～3.3.4}, {@code 第6章} / {@code Chapter 6}, or empty. */
  String number(Page page) {
    if (page.number().isEmpty()) {
      return "";
    }
    String number = page.number().get();
    return switch (page.kind()) {
      case CHAPTER -> messages.get(page.lang(), "chapter.label").replace("{0}", number);
      case SECTION -> SectionNumbers.display(number, page.lang());
      default -> "";
    };
  }
}
