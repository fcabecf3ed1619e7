/* Discussions, progressively enhanced (everything works without this file):
   - « Messages suivants » loads the next batch of comments in place;
   - the « Mentionner un membre » combobox inserts an @mention in the reply. */
(function () {
  "use strict";

  function loadMore(link) {
    var container = document.querySelector("[data-comment-page]");
    var status = document.querySelector("[data-load-status]");
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("fragment", "1");
    link.setAttribute("aria-busy", "true");
    fetch(url.toString(), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var list = container.querySelector("[data-comment-list]");
        var items = holder.querySelectorAll("[data-comment-list] > li");
        var first = null;
        items.forEach(function (item) {
          list.appendChild(item);
          first = first || item.querySelector("article");
        });
        container.querySelectorAll(".load-more, .pagination").forEach(function (node) {
          node.remove();
        });
        holder.querySelectorAll(".load-more, .pagination").forEach(function (node) {
          container.appendChild(node);
        });
        if (status) { status.textContent = items.length + " messages de plus affichés."; }
        if (first) { first.focus(); }
      })
      .catch(function () { window.location.href = link.href; });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-load-more]");
    if (link) {
      event.preventDefault();
      loadMore(link);
    }
  });

  function setupMention(box) {
    var input = box.querySelector("input[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = box.querySelector("[data-mention-status]");
    var target = document.getElementById(box.dataset.target);
    var active = -1;
    var timer = null;
    if (!input || !list || !target) { return; }
    box.hidden = false;

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(option) {
      var handle = option.dataset.handle;
      var start = target.selectionStart || target.value.length;
      var before = target.value.slice(0, start);
      var after = target.value.slice(start);
      var space = before && !/\s$/.test(before) ? " " : "";
      target.value = before + space + handle + " " + after;
      status.textContent = option.textContent + " sera mentionné.";
      input.value = "";
      close();
      target.focus();
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
      }
    }

    function search() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      fetch(box.dataset.url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          list.innerHTML = "";
          data.results.forEach(function (member, i) {
            var option = document.createElement("li");
            option.id = input.id + "-option-" + i;
            option.setAttribute("role", "option");
            option.dataset.handle = member.handle;
            option.textContent = member.name + " (" + member.handle + ")";
            option.addEventListener("mousedown", function (event) {
              event.preventDefault();
              choose(option);
            });
            list.appendChild(option);
          });
          var count = data.results.length;
          list.hidden = count === 0;
          input.setAttribute("aria-expanded", count ? "true" : "false");
          status.textContent = count ? count + " membre(s) proposé(s)." : "Aucun membre trouvé.";
          active = -1;
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (event) {
      var options = list.querySelectorAll("[role=option]");
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  document.querySelectorAll("[data-mention]").forEach(setupMention);
})();
