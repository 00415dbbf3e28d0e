package dev.medguide.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.medguide.BuildException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolrTargetTest {
  @Test
  void readsOneOrSeveralNodesAndTheCredentialsFromTheEnvironment() {
    SolrTarget one = SolrTarget.of("http://solr1:8983/solr/", "medguide", Map.of());
    assertThat(one.nodes()).containsExactly(URI.create("http://solr1:8983/solr"));
    assertThat(one.user()).isEmpty();
    SolrTarget two =
        SolrTarget.of(
            "https://a:8983,b:8984",
            "c1",
            Map.of(SolrTarget.USER_VARIABLE, "ops", SolrTarget.PASSWORD_VARIABLE, "s3cret"));
    assertThat(two.nodes())
        .containsExactly(URI.create("https://a:8983/solr"), URI.create("https://b:8984/solr"));
    assertThat(two.user()).contains("ops");
    assertThat(two.password()).contains("s3cret");
    assertThat(two.toString()).contains("user=ops", "password=(set)").doesNotContain("s3cret");
  }

  @Test
  void readsServesBackendAddress() {
    var backend = SolrTarget.ofBackend("solrs://a:1,b:2/solr/kb?site=mhlw-5", Map.of());
    assertThat(backend.getKey().nodes())
        .containsExactly(URI.create("https://a:1/solr"), URI.create("https://b:2/solr"));
    assertThat(backend.getKey().collection()).isEqualTo("kb");
    assertThat(backend.getValue()).isEqualTo("mhlw-5");
  }

  @Test
  void refusesWhatIsNotASolrAddressACollectionOrASite() {
    assertThatThrownBy(() -> SolrTarget.of("solr1:8983", "c", Map.of()))
        .isInstanceOf(BuildException.class)
        .hasMessageContaining("not a Solr address: 'solr1:8983'");
    assertThatThrownBy(() -> SolrTarget.of("http://a:1/solr", "a b", Map.of()))
        .hasMessageContaining("not a Solr collection name");
    assertThatThrownBy(() -> SolrTarget.ofBackend("solr://a:1/solr/kb", Map.of()))
        .hasMessageContaining("expected solr://host:8983/solr/COLLECTION?site=ID");
    assertThatThrownBy(() -> SolrTarget.ofBackend("solr://a:1/solr/kb?site=a:b", Map.of()))
        .hasMessageContaining("not a site id");
    assertThatThrownBy(
            () -> SolrTarget.of("http://a:1", "c", Map.of(SolrTarget.USER_VARIABLE, "ops")))
        .hasMessageContaining("MEDGUIDE_SOLR_PASSWORD is not");
  }
}
