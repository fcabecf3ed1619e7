// Carnet editor: a formatting toolbar for the Markdown subset, and a draft
// kept in this browser while typing (restored after a crash or a closed tab).
// The server copy stays the truth: a draft is only offered, never applied
// silently. Every page works without this script.
(function () {
    "use strict";
    var PREFIX = "carnet-brouillon:";

    function storage() {
        try { return window.localStorage; } catch (error) { return null; }
    }
    function read(key) {
        var store = storage();
        if (!store) { return null; }
        try { return JSON.parse(store.getItem(PREFIX + key) || "null"); } catch (error) { return null; }
    }
    function write(key, value) {
        var store = storage();
        if (!store) { return; }
        try { store.setItem(PREFIX + key, JSON.stringify(value)); } catch (error) { /* full or private mode */ }
    }
    function forget(key) {
        var store = storage();
        if (store) { store.removeItem(PREFIX + key); }
    }
    function normal(text) { return (text || "").replace(/\r\n?/g, "\n").trim(); }

    // --- After a save: the entry page forgets the drafts it supersedes ------
    var saved = document.querySelector("[data-carnet-saved]");
    if (saved) {
        var savedKey = saved.getAttribute("data-carnet-saved");
        var version = parseInt(saved.getAttribute("data-version"), 10);
        var old = read(savedKey);
        if (old && old.pending && old.base < version) { forget(savedKey); }
        var store = storage();
        if (store) {
            for (var i = store.length - 1; i >= 0; i--) {
                var name = store.key(i);
                if (name && name.indexOf(PREFIX) === 0 && /-nouvelle$/.test(name)) {
                    var draft = read(name.slice(PREFIX.length));
                    if (draft && draft.pending) { forget(name.slice(PREFIX.length)); }
                }
            }
        }
    }

    var form = document.querySelector("form[data-draft-key]");
    if (!form) { return; }
    var key = form.getAttribute("data-draft-key");
    var title = form.querySelector("[name=title]");
    var body = form.querySelector("[name=body]");
    var base = form.querySelector("[name=base_version]");
    var status = document.querySelector("[data-draft-status]");
    var notice = document.querySelector("[data-draft-notice]");
    var announced = 0;

    // --- Toolbar ---------------------------------------------------------------
    var toolbar = document.querySelector("[data-editor-toolbar]");
    if (toolbar && body) {
        toolbar.hidden = false;
        var formats = {
            bold: ["**", "**", "texte en gras"],
            italic: ["*", "*", "texte en italique"],
            heading: ["\n## ", "\n", "Intertitre"],
            list: ["\n- ", "", "élément de liste"],
            quote: ["\n> ", "", "citation"],
            link: ["[", "](https://)", "texte du lien"]
        };
        toolbar.addEventListener("click", function (event) {
            var button = event.target.closest("button[data-format]");
            if (!button) { return; }
            var format = formats[button.getAttribute("data-format")];
            var start = body.selectionStart, end = body.selectionEnd;
            var selected = body.value.slice(start, end) || format[2];
            var inserted = format[0] + selected + format[1];
            body.setRangeText(inserted, start, end, "end");
            body.focus();
            body.setSelectionRange(start + format[0].length, start + format[0].length + selected.length);
            body.dispatchEvent(new Event("input", { bubbles: true }));
        });
    }

    // --- Drafts ----------------------------------------------------------------
    function current() {
        return {
            title: title ? title.value : "",
            body: body ? body.value : "",
            base: base ? parseInt(base.value || "0", 10) : 0,
            at: Date.now(),
            pending: false
        };
    }
    function differs(draft) {
        return normal(draft.body) !== normal(body && body.value) || normal(draft.title) !== normal(title && title.value);
    }

    var draft = read(key);
    if (draft && draft.pending) { draft.pending = false; write(key, draft); }
    if (draft && notice && !document.querySelector("[data-conflict]") && (normal(draft.body) || normal(draft.title)) && differs(draft)) {
        var when = new Date(draft.at);
        var label = form.getAttribute("data-draft-found-label") || "%s";
        notice.querySelector("[data-draft-message]").textContent = label.replace("%s", when.toLocaleString("fr-FR"));
        notice.setAttribute("role", "status");
        notice.hidden = false;
        notice.querySelector("[data-draft-restore]").addEventListener("click", function () {
            if (title) { title.value = draft.title; }
            if (body) { body.value = draft.body; }
            notice.hidden = true;
            if (body) { body.focus(); }
        });
        notice.querySelector("[data-draft-discard]").addEventListener("click", function () {
            forget(key);
            notice.hidden = true;
            if (title) { title.focus(); }
        });
    }

    var timer = null;
    function keep() {
        clearTimeout(timer);
        timer = setTimeout(function () {
            write(key, current());
            // Announce now and then, not at every keystroke.
            if (status && Date.now() - announced > 60000) {
                announced = Date.now();
                status.textContent = form.getAttribute("data-draft-saved-label") || "";
            }
        }, 700);
    }
    form.addEventListener("input", keep);
    form.addEventListener("submit", function () {
        clearTimeout(timer);
        var value = current();
        value.pending = true;
        write(key, value);
    });

    // The conflict screen: bring keyboard and screen-reader users to it.
    var conflict = document.querySelector("[data-conflict]");
    if (conflict) { conflict.focus(); }
})();
