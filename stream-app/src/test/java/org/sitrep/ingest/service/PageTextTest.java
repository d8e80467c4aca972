package org.sitrep.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTextTest {
    /** An article page as news sites build them: furniture around the story, an ad and a "Read also" inside it. */
    static final String PAGE = """
        <!doctype html><html><head><title>Ambush</title><style>p{color:red}</style>
        <script>var tracking = "Subscribe now";</script></head>
        <body>
          <header><a href="/">Sahel Wire</a><nav><a href="/world">World</a> <a href="/africa">Africa</a></nav></header>
          <div class="newsletter">Subscribe to our newsletter for the latest news from the region every morning.</div>
          <main>
            <article>
              <h1>Soldiers killed in ambush near Mopti</h1>
              <p>Gunmen ambushed an army convoy near Mopti on Tuesday, killing ten soldiers, the army said.</p>
              <div class="ad-slot">Advertisement: buy cheap flights to Bamako today!</div>
              <p><strong>Read also:</strong> <a href="/x">Mali's army under pressure in the centre</a></p>
              <p>Local officials said the attackers fled on motorcycles towards the border.</p>
              <aside>Most read: a list of other stories with many words in it to look like content.</aside>
            </article>
          </main>
          <footer>© Sahel Wire 2023. All rights reserved. Contact us. Terms of use.</footer>
        </body></html>""";

    @Test
    void keepsTheStoryAndDropsFurnitureAdsAndReadAlso() {
        String text = PageText.extract(PAGE, "http://127.0.0.1/page");
        assertThat(text).isEqualTo("""
            Soldiers killed in ambush near Mopti

            Gunmen ambushed an army convoy near Mopti on Tuesday, killing ten soldiers, the army said.

            Local officials said the attackers fled on motorcycles towards the border.""");
    }

    @Test
    void withoutArticleOrMainTakesTheDivWithTheMostParagraphText() {
        String html = """
            <html><body>
              <div id="menu"><p><a href="/a">Home</a></p><p><a href="/b">Politics and everything else in the world</a></p></div>
              <div class="content">
                <p>Une embuscade a fait cinq morts parmi les soldats près de Ségou, selon l'armée.</p>
                <p class="x">Lire aussi : <a href="/y">Au Mali, l'armée sous pression</a></p>
                <p>Les assaillants ont pris la fuite à moto.</p>
              </div>
              <div class="sidebar"><p>Short.</p></div>
            </body></html>""";
        assertThat(PageText.extract(html, null)).isEqualTo("""
            Une embuscade a fait cinq morts parmi les soldats près de Ségou, selon l'armée.

            Les assaillants ont pris la fuite à moto.""");
    }

    @Test
    void pickingTheLargestArticleWhenThereAreSeveral() {
        String html = "<body><article><p>Teaser.</p></article><article><p>The whole story, much longer than the teaser.</p></article></body>";
        assertThat(PageText.extract(html, null)).isEqualTo("The whole story, much longer than the teaser.");
    }

    @Test
    void aPageWithoutTextGivesNothing() {
        assertThat(PageText.extract("<html><body><nav>Menu</nav></body></html>", null)).isEmpty();
    }
}
