// The proposal form, progressively enhanced (the server enforces the same rules
// and says so in its own error summary):
// - a live line count for textareas marked data-line-counter;
// - before sending to the committee, the call's line limits and the parity rule
//   (one woman, one man) are checked here first; the messages come from the
//   server (data-lines-message, data-parity-message), tied to their fields by
//   aria-describedby, and listed in a summary that receives the focus.
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

    var form = document.querySelector("form[data-proposal-checks]");
    if (!form) {
        return;
    }

    function linesProblem() {
        var area = form.querySelector("textarea[data-lines-message]");
        if (!area) {
            return null;
        }
        var min = area.getAttribute("data-min-lines");
        var max = area.getAttribute("data-max-lines");
        var n = countLines(area.value);
        if (n >= parseInt(min, 10) && n <= parseInt(max, 10)) {
            return null;
        }
        var message = area.getAttribute("data-lines-message")
            .replace("%(lines)s", n).replace("%(min)s", min).replace("%(max)s", max);
        return {id: area.id + "-verification", message: message, fields: [area], after: area.parentNode};
    }

    function parityProblem() {
        // One radio group per speaker: two groups, two different answers.
        var radios = form.querySelectorAll("input[type=radio][data-parity-message]");
        if (!radios.length) {
            return null;
        }
        var groups = {}, chosen = [];
        radios.forEach(function (radio) {
            groups[radio.name] = radio.closest("fieldset") || radio;
            if (radio.checked) {
                chosen.push(radio.value);
            }
        });
        var names = Object.keys(groups);
        if (names.length === 2 && chosen.length === 2 && chosen[0] !== chosen[1]) {
            return null;
        }
        var first = form.querySelector(".speaker");
        return {
            id: "parite-verification",
            message: radios[0].getAttribute("data-parity-message"),
            fields: names.map(function (name) { return groups[name]; }),
            target: radios[0],
            before: first
        };
    }

    function clear() {
        document.querySelectorAll("[data-check-message]").forEach(function (element) {
            element.remove();
        });
        form.querySelectorAll("[data-check-described]").forEach(function (field) {
            var original = field.getAttribute("data-check-described");
            if (original) {
                field.setAttribute("aria-describedby", original);
            } else {
                field.removeAttribute("aria-describedby");
            }
            field.removeAttribute("data-check-described");
            field.removeAttribute("aria-invalid");
        });
    }

    function show(problems) {
        var summary = document.createElement("div");
        summary.className = "error-summary";
        summary.setAttribute("role", "alert");
        summary.setAttribute("tabindex", "-1");
        summary.setAttribute("data-check-message", "");
        var title = document.createElement("h2");
        title.className = "error-summary__title";
        title.textContent = form.getAttribute("data-checks-title");
        var list = document.createElement("ul");
        summary.appendChild(title);
        summary.appendChild(list);
        problems.forEach(function (problem) {
            var note = document.createElement("p");
            note.className = "field__errors";
            note.id = problem.id;
            note.setAttribute("data-check-message", "");
            note.textContent = problem.message;
            if (problem.after) {
                problem.after.appendChild(note);
            } else {
                problem.before.parentNode.insertBefore(note, problem.before);
            }
            problem.fields.forEach(function (field) {
                var described = field.getAttribute("aria-describedby") || "";
                field.setAttribute("data-check-described", described);
                field.setAttribute("aria-describedby", (described + " " + problem.id).trim());
                field.setAttribute("aria-invalid", "true");
            });
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = "#" + (problem.target || problem.fields[0]).id;
            link.textContent = problem.message;
            item.appendChild(link);
            list.appendChild(item);
        });
        form.parentNode.insertBefore(summary, form);
        summary.focus();
    }

    form.addEventListener("submit", function (event) {
        clear();
        // Drafts may be incomplete: only sending to the committee is checked.
        if (!event.submitter || event.submitter.value !== "submit") {
            return;
        }
        var problems = [linesProblem(), parityProblem()].filter(Boolean);
        if (problems.length) {
            event.preventDefault();
            show(problems);
        }
    });
})();
