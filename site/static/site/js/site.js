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
