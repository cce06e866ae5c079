/*
 * «Наставник»: версия для слабовидящих (Приказ Рособрнадзора № 1493, п. 21; ГОСТ Р 52872-2019).
 *
 * Настройки хранятся в localStorage под ключом «nv-a11y» и действуют на всех страницах раздела.
 * До первой отрисовки страницы их применяет маленький встроенный скрипт в <head> (theme/main.html):
 * он ставит атрибуты data-nv-* на <html>, по которым работают стили. Этот файл оживляет кнопки:
 * переключатель в шапке («Версия для слабовидящих» / «Обычная версия»), «Настройки» и панель настроек.
 */
(function () {
  "use strict";

  var KEY = "nv-a11y";
  var CHOICES = {
    size: ["1", "2", "3"],
    scheme: ["bw", "wb", "blue"],
    images: ["on", "off"],
    spacing: ["0", "1", "2"],
    panel: ["open", "closed"]
  };
  var DEFAULTS = { on: false, size: "1", scheme: "bw", images: "on", spacing: "0", panel: "closed" };
  var root = document.documentElement;
  var switcher = document.getElementById("nv-a11y-switch");
  var panel = document.getElementById("nv-a11y-panel");
  var settings = document.getElementById("nv-a11y-settings");
  if (!switcher || !panel || !settings) {
    return;
  }
  var options = panel.querySelectorAll("[data-nv-set]");

  function load() {
    var state = {};
    var saved = null;
    Object.keys(DEFAULTS).forEach(function (key) {
      state[key] = DEFAULTS[key];
    });
    try {
      saved = JSON.parse(window.localStorage.getItem(KEY));
    } catch (error) {
      saved = null;
    }
    if (saved && typeof saved === "object") {
      state.on = saved.on === true;
      Object.keys(CHOICES).forEach(function (key) {
        var value = String(saved[key]);
        if (CHOICES[key].indexOf(value) !== -1) {
          state[key] = value;
        }
      });
    }
    return state;
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      /* Private mode or storage disabled: the setting lasts until the page is left. */
    }
  }

  function apply(state) {
    Object.keys(CHOICES).forEach(function (key) {
      if (state.on) {
        root.setAttribute("data-nv-" + key, state[key]);
      } else {
        root.removeAttribute("data-nv-" + key);
      }
    });
    if (state.on) {
      root.setAttribute("data-nv-a11y", "on");
    } else {
      root.removeAttribute("data-nv-a11y");
    }
    settings.setAttribute("aria-expanded", state.on && state.panel === "open" ? "true" : "false");
    panel.hidden = !(state.on && state.panel === "open");
    Array.prototype.forEach.call(options, function (button) {
      var pressed = state[button.getAttribute("data-nv-set")] === button.getAttribute("data-nv-value");
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
  }

  function update(change) {
    var state = load();
    Object.keys(change).forEach(function (key) {
      state[key] = change[key];
    });
    save(state);
    apply(state);
  }

  /* «Версия для слабовидящих» ⇄ «Обычная версия»: the same button, its text says what a click does.
     The settings stay folded under «Настройки»: on a phone the open panel would fill the first screen. */
  switcher.addEventListener("click", function () {
    update({ on: !load().on });
  });
  settings.addEventListener("click", function () {
    update({ panel: load().panel === "open" ? "closed" : "open" });
  });
  Array.prototype.forEach.call(options, function (button) {
    button.addEventListener("click", function () {
      var change = {};
      change[button.getAttribute("data-nv-set")] = button.getAttribute("data-nv-value");
      update(change);
    });
  });
  /* Another tab changed the setting: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      apply(load());
    }
  });

  apply(load());
})();

/*
 * Таблицы «Мониторинга»: обёртка с прокруткой доступна с клавиатуры (tabindex="0"), но лишняя
 * остановка табуляции не нужна, когда таблица и так помещается на экране. Таблица шире экрана
 * получает подсказку «прокрутите вбок» (data-nv-scrolls, текст подсказки — в стилях).
 */
(function () {
  "use strict";

  var wraps = document.querySelectorAll(".nv-table-wrap");
  if (!wraps.length) {
    return;
  }

  function check() {
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("data-nv-scrolls", "");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("data-nv-scrolls");
      }
    });
  }

  window.addEventListener("resize", check);
  new MutationObserver(check).observe(document.documentElement, { attributes: true, attributeFilter: ["data-nv-size", "data-nv-spacing", "data-nv-a11y"] });
  check();
})();

/*
 * Поиск Material: область результатов не должна быть остановкой табуляции, пока поиск закрыт
 * (на широком экране она невидима); по найденному ходят ссылками и стрелками.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-search__scrollwrap[tabindex]"), function (wrap) {
    wrap.setAttribute("tabindex", "-1");  /* not removed: Chromium would make the scroller a Tab stop itself */
  });
})();
