// Progressive enhancement only: every page works without JavaScript.
(function () {
    "use strict";

    // Collapsible main menu on small screens.
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("menu-principal-liste");
    if (toggle && list) {
        var small = window.matchMedia("(max-width: 40rem)");
        var apply = function () {
            toggle.hidden = !small.matches;
            if (small.matches) {
                list.setAttribute("data-collapsed", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
            } else {
                list.removeAttribute("data-collapsed");
            }
        };
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", open ? "false" : "true");
            apply();
        });
        small.addEventListener("change", apply);
        apply();
    }
})();

// Forms with errors: move focus to the error summary so keyboard and
// screen-reader users hear what to fix first.
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
})();

// Header search: suggestions as an ARIA combobox (the form works without it).
(function () {
    "use strict";
    var input = document.getElementById("recherche-q");
    if (!input || !window.fetch) { return; }
    var form = input.form;
    var list = document.createElement("ul");
    list.id = "recherche-suggestions";
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("data-suggestions-label") || "Suggestions");
    list.hidden = true;
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, latest = 0;

    function close() {
        // A suggestion request still on its way must not reopen the list.
        latest++;
        list.hidden = true; list.innerHTML = ""; items = []; active = -1;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
    }
    function select(index) {
        items.forEach(function (item, i) { item.setAttribute("aria-selected", i === index ? "true" : "false"); });
        active = index;
        if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); }
        else { input.removeAttribute("aria-activedescendant"); }
    }
    function show(results) {
        close();
        if (!results.length) { return; }
        results.forEach(function (result, i) {
            var li = document.createElement("li");
            li.id = "suggestion-" + i;
            li.setAttribute("role", "option");
            li.setAttribute("aria-selected", "false");
            li.dataset.url = result.url;
            li.textContent = result.title;
            var type = document.createElement("small");
            type.textContent = result.type;
            li.appendChild(type);
            li.addEventListener("mousedown", function (event) { event.preventDefault(); window.location = result.url; });
            list.appendChild(li);
            items.push(li);
        });
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
        clearTimeout(timer);
        var value = input.value.trim();
        if (value.length < 2) { close(); return; }
        timer = setTimeout(function () {
            var ticket = ++latest;
            fetch("/recherche/suggestions/?q=" + encodeURIComponent(value), { headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (ticket === latest) { show(data.results); } })
                .catch(close);
        }, 200);
    });
    input.addEventListener("keydown", function (event) {
        if (list.hidden) { return; }
        if (event.key === "ArrowDown") { event.preventDefault(); select(Math.min(active + 1, items.length - 1)); }
        else if (event.key === "ArrowUp") { event.preventDefault(); select(Math.max(active - 1, -1)); }
        // Escape closes the list only: without preventDefault, Chromium also
        // empties a type=search field.
        else if (event.key === "Escape") { event.preventDefault(); close(); }
        else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location = items[active].dataset.url; }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
})();

// The header's unread notifications: checked every minute; when the number
// changes, the badge follows and the live region says it once.
(function () {
    var link = document.querySelector(".notifications-link[data-unread-url]");
    if (!link || !window.fetch) { return; }
    var badge = link.querySelector("[data-notifications-count]");
    var live = link.parentNode.querySelector("[data-notifications-live]");
    var shown = badge ? parseInt(badge.textContent, 10) || 0 : 0;
    var refresh = function () {
        if (document.hidden) { return; }
        fetch(link.getAttribute("data-unread-url"), {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data || typeof data.unread !== "number" || data.unread === shown) { return; }
                shown = data.unread;
                var text = shown === 0 ? "Aucune notification non lue" : shown + (shown > 1 ? " notifications non lues" : " notification non lue");
                badge.hidden = shown === 0;
                badge.firstElementChild.textContent = String(shown);
                badge.lastElementChild.textContent = ", " + shown + (shown > 1 ? " non lues" : " non lue");
                if (live) { live.textContent = text; }
            })
            .catch(function () {});
    };
    window.setInterval(refresh, 60000);
    document.addEventListener("visibilitychange", refresh);
})();
