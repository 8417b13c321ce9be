// 剪报: draw a rectangle on the page image and get a link that opens exactly that part of the page, an image
// of it to save or share, and a citation (paper, date, page, permalink) to copy. The clip's address holds the
// rectangle in ten-thousandths of the page, so it is independent of the image's size, as the regions are.
(function () {
    "use strict";

    var toggle = document.querySelector("[data-clip]");
    var panel = document.querySelector(".clip-panel");
    var sheet = document.querySelector(".sheet-frame .page-sheet");
    if (!toggle || !panel || !sheet || !window.PointerEvent) {
        return;
    }
    var tools = toggle.closest(".page-tools-js");
    tools.hidden = false;
    var status = tools.querySelector(".tool-status");
    var WHOLE = 10000;
    var SMALLEST = 100;
    var layer = null;
    var rect = null;
    var start = null;
    var link = "";
    var citation = "";

    function setMode(on) {
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
        sheet.classList.toggle("clipping", on);
        status.textContent = on ? toggle.getAttribute("data-hint") : "";
        if (on) {
            var zoomed = sheet.querySelector('.zoom-controls [data-zoom-action="close"]');
            if (zoomed) {
                zoomed.click();
            }
            layer = document.createElement("div");
            layer.className = "clip-layer";
            sheet.appendChild(layer);
            layer.addEventListener("pointerdown", down);
            layer.addEventListener("pointermove", move);
            layer.addEventListener("pointerup", up);
            layer.addEventListener("pointercancel", function () { start = null; });
        } else if (layer) {
            layer.remove();
            layer = null;
            rect = null;
        }
    }

    function at(event) {
        var box = sheet.getBoundingClientRect();
        return {
            x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)),
            y: Math.min(1, Math.max(0, (event.clientY - box.top) / box.height))
        };
    }

    function bounds(a, b) {
        return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
    }

    function draw(b) {
        if (!rect) {
            rect = document.createElement("div");
            rect.className = "clip-rect";
            layer.appendChild(rect);
        }
        rect.style.left = (b.left * 100) + "%";
        rect.style.top = (b.top * 100) + "%";
        rect.style.width = ((b.right - b.left) * 100) + "%";
        rect.style.height = ((b.bottom - b.top) * 100) + "%";
    }

    function down(event) {
        event.preventDefault();
        layer.setPointerCapture(event.pointerId);
        start = at(event);
    }

    function move(event) {
        if (start) {
            draw(bounds(start, at(event)));
        }
    }

    function up(event) {
        if (!start) {
            return;
        }
        var b = bounds(start, at(event));
        start = null;
        var left = Math.round(b.left * WHOLE);
        var top = Math.round(b.top * WHOLE);
        var width = Math.min(WHOLE - left, Math.round((b.right - b.left) * WHOLE));
        var height = Math.min(WHOLE - top, Math.round((b.bottom - b.top) * WHOLE));
        if (width < SMALLEST || height < SMALLEST) {
            return; // a click, not a rectangle: draw again
        }
        show(panel.getAttribute("data-clip-base") + [left, top, width, height].join(","));
        setMode(false);
    }

    function show(path) {
        link = new URL(path, location.href).href;
        citation = panel.getAttribute("data-cite") + (document.documentElement.lang === "en" ? ". " : "。") + link;
        panel.querySelector(".clip-open").href = path;
        panel.querySelector(".clip-image").href = path + ".jpg";
        panel.querySelector(".clip-preview").src = path + ".jpg";
        panel.querySelector(".clip-cite").textContent = citation;
        panel.querySelector(".clip-status").textContent = "";
        panel.hidden = false;
        panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }

    panel.querySelectorAll("[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var text = button.getAttribute("data-copy") === "cite" ? citation : link;
            var done = function () { panel.querySelector(".clip-status").textContent = button.getAttribute("data-done"); };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
            } else {
                window.prompt("", text);
            }
        });
    });

    toggle.addEventListener("click", function () { setMode(toggle.getAttribute("aria-pressed") !== "true"); });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-pressed") === "true") {
            setMode(false);
        }
    });
})();
