// Broadsheet reader: small enhancements over pages that work fully without script.
// Arrow keys and swipes follow the pager's links; the article tools (text size, share, listen) appear only here.
(function () {
    "use strict";

    var SCALE_KEY = "broadsheet.textScale";
    var SCALES = [0.85, 1, 1.15, 1.3, 1.5, 1.75, 2];

    function follow(direction) {
        var link = document.querySelector('a[data-key="' + direction + '"]');
        if (link) {
            window.location.assign(link.href);
            return true;
        }
        return false;
    }

    function isTyping(target) {
        return target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName));
    }

    document.addEventListener("keydown", function (event) {
        if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target)) {
            return;
        }
        if (event.key === "ArrowLeft" && follow("prev")) {
            event.preventDefault();
        } else if (event.key === "ArrowRight" && follow("next")) {
            event.preventDefault();
        }
    });

    // A swipe is one finger moving mostly sideways, far enough; pinch-zooming and scrolling are left alone.
    var start = null;
    document.addEventListener("touchstart", function (event) {
        var area = event.target.closest && event.target.closest("[data-swipe]");
        start = area && event.touches.length === 1 && (!window.visualViewport || window.visualViewport.scale <= 1.01)
            ? { x: event.touches[0].clientX, y: event.touches[0].clientY, t: Date.now() }
            : null;
    }, { passive: true });
    document.addEventListener("touchend", function (event) {
        if (!start || event.changedTouches.length !== 1) {
            start = null;
            return;
        }
        var dx = event.changedTouches[0].clientX - start.x;
        var dy = event.changedTouches[0].clientY - start.y;
        var quick = Date.now() - start.t < 800;
        start = null;
        if (quick && Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) {
            follow(dx < 0 ? "next" : "prev");
        }
    }, { passive: true });

    var tools = document.querySelector(".article-tools");
    if (!tools) {
        return;
    }
    tools.hidden = false;
    var status = tools.querySelector(".tool-status");

    function say(text) {
        status.textContent = "";
        window.setTimeout(function () { status.textContent = text; }, 50);
    }

    function currentScale() {
        var value = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--text-scale"));
        return isNaN(value) ? 1 : value;
    }

    function applyScale(scale) {
        document.documentElement.style.setProperty("--text-scale", String(scale));
        try {
            if (scale === 1) {
                localStorage.removeItem(SCALE_KEY);
            } else {
                localStorage.setItem(SCALE_KEY, String(scale));
            }
        } catch (e) { /* private browsing: the size still applies to this page */ }
    }

    tools.querySelectorAll("[data-text-size]").forEach(function (button) {
        button.addEventListener("click", function () {
            var now = currentScale();
            var index = SCALES.indexOf(now);
            if (index < 0) {
                index = 1;
            }
            var action = button.getAttribute("data-text-size");
            var next = action === "reset" ? 1 : SCALES[Math.max(0, Math.min(SCALES.length - 1, index + (action === "up" ? 1 : -1)))];
            applyScale(next);
        });
    });

    var share = tools.querySelector("[data-share]");
    share.addEventListener("click", function () {
        var url = share.getAttribute("data-url");
        var title = share.getAttribute("data-title");
        if (navigator.share) {
            navigator.share({ title: title, url: url }).catch(function () { /* the reader closed the sheet */ });
        } else if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(url).then(function () { say(share.getAttribute("data-copied")); }, function () { window.prompt(title, url); });
        } else {
            window.prompt(title, url);
        }
    });

    var listen = tools.querySelector("[data-listen]");
    if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
        listen.hidden = false;
        var lang = listen.getAttribute("data-lang");
        var speaking = false;

        var setSpeaking = function (on) {
            speaking = on;
            listen.setAttribute("aria-pressed", on ? "true" : "false");
            listen.textContent = listen.getAttribute(on ? "data-stop" : "data-start");
        };

        var voiceFor = function () {
            var prefix = lang.split("-")[0].toLowerCase();
            var voices = window.speechSynthesis.getVoices();
            return voices.find(function (v) { return v.lang && v.lang.toLowerCase().replace("_", "-") === lang.toLowerCase(); })
                || voices.find(function (v) { return v.lang && v.lang.toLowerCase().indexOf(prefix) === 0; })
                || null;
        };

        listen.addEventListener("click", function () {
            if (speaking) {
                window.speechSynthesis.cancel();
                setSpeaking(false);
                return;
            }
            var parts = [];
            document.querySelectorAll(".article-head .kicker, .article-head .headline, .article-head .subheadline, .article-body p").forEach(function (p) {
                parts.push(p.textContent.trim());
            });
            var utterance = new SpeechSynthesisUtterance(parts.join("\n"));
            utterance.lang = lang;
            var voice = voiceFor();
            if (voice) {
                utterance.voice = voice;
            }
            utterance.onend = function () { setSpeaking(false); };
            utterance.onerror = function () { setSpeaking(false); };
            window.speechSynthesis.cancel();
            window.speechSynthesis.speak(utterance);
            setSpeaking(true);
        });
        window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
    }
})();

// Deep zoom: where the page has IIIF tiles, a button opens OpenSeadragon over them with the article regions
// still links on top. Without tiles (or without the viewer's script) the plain page image is all there is.
(function () {
    "use strict";

    var frame = document.querySelector(".sheet-frame[data-tiles]");
    var open = document.querySelector("[data-zoom-open]");
    if (!frame || !open || !window.fetch) {
        return;
    }

    var tilesUrl = frame.getAttribute("data-tiles");
    var info = null;
    fetch(tilesUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (json) {
            if (json) {
                info = json;
                open.hidden = false;
            }
        })
        .catch(function () { /* no tiles: the page image stays as it is */ });

    function loadViewer() {
        if (window.OpenSeadragon) {
            return Promise.resolve();
        }
        return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = frame.getAttribute("data-viewer");
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    function button(label, action) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.setAttribute("data-zoom-action", action);
        return b;
    }

    var viewer = null;
    var box = null;
    var leaving = false;

    function close() {
        if (viewer) {
            viewer.destroy();
            viewer = null;
        }
        if (box) {
            box.remove();
            box = null;
        }
        frame.querySelector(".page-sheet").hidden = false;
        open.hidden = false;
        open.focus();
    }

    open.addEventListener("click", function () {
        loadViewer().then(function () {
            var sheet = frame.querySelector(".page-sheet");
            var height = sheet.getBoundingClientRect().height;
            box = document.createElement("div");
            box.className = "zoom-box";
            var tools = document.createElement("div");
            tools.className = "zoom-tools";
            tools.append(button(frame.getAttribute("data-zoom-in"), "in"), button(frame.getAttribute("data-zoom-out"), "out"),
                button(frame.getAttribute("data-zoom-home"), "home"), button(frame.getAttribute("data-zoom-close"), "close"));
            var stage = document.createElement("div");
            stage.className = "zoom-viewer";
            stage.style.height = Math.max(320, Math.min(height, window.innerHeight * 0.85)) + "px";
            box.append(tools, stage);
            frame.appendChild(box);
            sheet.hidden = true;
            open.hidden = true;

            // The tiles' info.json names where it was made; tiles are fetched from where it is served.
            var source = Object.assign({}, info, { id: new URL(tilesUrl.replace(/\/info\.json$/, ""), location.href).href });
            source["@id"] = source.id;
            viewer = window.OpenSeadragon({
                element: stage,
                tileSources: source,
                showNavigationControl: false,
                drawer: "canvas",
                visibilityRatio: 1,
                constrainDuringPan: true,
                maxZoomPixelRatio: 2,
                gestureSettingsMouse: { clickToZoom: false },
                gestureSettingsTouch: { clickToZoom: false }
            });
            viewer.addHandler("open", function () {
                var layer = sheet.querySelector("svg.hotspots").cloneNode(true);
                layer.classList.add("zoom-hotspots");
                // Pointer clicks are followed by the viewer's canvas-click below (only when they were not drags);
                // a link's own navigation as well would start a second one. Keyboard clicks (detail 0) go on as usual.
                layer.addEventListener("click", function (event) {
                    if (event.detail > 0) {
                        event.preventDefault();
                    }
                });
                viewer.addOverlay({ element: layer, location: viewer.world.getItemAt(0).getBounds() });
            });
            // The viewer captures the pointer, so the click's target is its canvas: find the region under it.
            viewer.addHandler("canvas-click", function (event) {
                var original = event.originalEvent;
                var under = original && document.elementFromPoint(original.clientX, original.clientY);
                var link = under && under.closest && under.closest("a");
                if (event.quick !== false && link && !leaving) {
                    leaving = true;
                    event.preventDefaultAction = true;
                    window.location.assign(new URL(link.getAttribute("href"), location.href).href);
                }
            });
            viewer.addHandler("tile-loaded", function () { stage.setAttribute("data-drawn", "true"); });
            // Whether the view is still moving, for tests and anything else that must click a steady page.
            viewer.addHandler("animation-start", function () { stage.setAttribute("data-settled", "false"); });
            viewer.addHandler("animation-finish", function () { stage.setAttribute("data-settled", "true"); });
            tools.addEventListener("click", function (event) {
                var action = event.target.getAttribute && event.target.getAttribute("data-zoom-action");
                var viewport = viewer && viewer.viewport;
                if (action === "in") { viewport.zoomBy(1.6); viewport.applyConstraints(); }
                else if (action === "out") { viewport.zoomBy(1 / 1.6); viewport.applyConstraints(); }
                else if (action === "home") { viewport.goHome(); }
                else if (action === "close") { close(); }
            });
        }, function () {
            open.hidden = true;
        });
    });
})();
