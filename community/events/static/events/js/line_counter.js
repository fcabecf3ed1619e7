// Live line count for textareas marked data-line-counter (progressive
// enhancement: the server counts the same way and enforces the limits).
// A line is a non-empty line after normalising newlines (see events/lines.py).
(function () {
    "use strict";
    function countLines(text) {
        return text.replace(/\r\n|\r/g, "\n").split("\n").filter(function (line) {
            return line.trim() !== "";
        }).length;
    }
    document.querySelectorAll("textarea[data-line-counter]").forEach(function (area) {
        var output = document.getElementById(area.id + "-compteur");
        if (!output) {
            return;
        }
        var min = parseInt(area.getAttribute("data-min-lines"), 10);
        var max = parseInt(area.getAttribute("data-max-lines"), 10);
        var timer = null;
        function update() {
            var n = countLines(area.value);
            var text = n + (n > 1 ? " lignes" : " ligne") + " (entre " + min + " et " + max + ")";
            if (n < min) {
                text += " : encore " + (min - n) + " au moins.";
            } else if (n > max) {
                text += " : " + (n - max) + " de trop.";
            } else {
                text += " : c'est bon.";
            }
            output.textContent = text;
            output.classList.toggle("line-counter--ok", n >= min && n <= max);
        }
        output.hidden = false;
        // Announce after a pause in typing, not at every key stroke.
        area.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(update, 400);
        });
        update();
    });
})();
