/*
 * «Наставник»: поиск по-русски. Обёртка над поисковым воркером mkdocs-material (его имя — в ?w=).
 *
 * Индекс строится с русским стеммером (generator/engine/search_index.py), но Material дописывает «*»
 * к каждому набранному слову, а lunr такие слова не стеммит: «семинаром*» не нашло бы «семинар».
 * Здесь каждое набранное слово заменяется его основой тем же стеммером, что и в индексе, — ищется
 * любая форма слова, и поиск по началу слова, пока его набирают, работает как прежде. Буква «ё»
 * и в индексе, и в запросе читается как «е».
 */
(function () {
  "use strict";
  var QUERY = 2;  /* Material's SearchMessageType.QUERY */
  var worker = new URL(self.location.href).searchParams.get("w") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) throw new Error("nastavnik-search: нет воркера Material");

  /* lunr.ru comes with Material's setup message; its stemmer learns to read «ё» as «е» right after. */
  var load = self.importScripts;
  self.importScripts = function () {
    load.apply(self, arguments);
    var ru = self.lunr && self.lunr.ru;
    if (ru && ru.stemmer && !ru.stemmer.nastavnik) {
      var stem = ru.stemmer;
      var yo = function (token) {
        return stem(token.update(function (s) { return s.replace(/ё/g, "е"); }));
      };
      yo.nastavnik = true;
      self.lunr.Pipeline.registerFunction(yo, "stemmer-ru-yo");
      ru.stemmer = yo;
    }
  };

  function stemmed(query) {
    var ru = self.lunr && self.lunr.ru;
    if (!ru || !ru.stemmer) return query;
    return query.replace(/[\p{L}\p{N}]+/gu, function (word, at, all) {
      if (all.charAt(at + word.length) === ":") return word;  /* a field name: title:…, text:… */
      var token = ru.stemmer(new self.lunr.Token(word.toLowerCase(), {}));
      var stem = token ? token.toString() : "";
      return stem || word;
    });
  }

  var passing = false;
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (passing || !message || message.type !== QUERY || typeof message.data !== "string") return;
    event.stopImmediatePropagation();
    passing = true;
    try {
      self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: stemmed(message.data) } }));
    } finally {
      passing = false;
    }
  });
  load.call(self, worker);
})();
