// Zoom in place: where the page has IIIF tiles, a double click or double tap, a pinch, or Ctrl and the wheel
// (a trackpad's pinch) zooms the page image where it is, OpenSeadragon drawing the tiles exactly over it. The
// article regions stay links on top; zoomed all the way out, the plain image is back and the wheel scrolls the
// page again. Without tiles, or without script, the page image is all there is.
(function () {
    "use strict";

    var frame = document.querySelector(".sheet-frame[data-tiles]");
    var sheet = frame && frame.querySelector(".page-sheet");
    if (!sheet || !window.fetch || !window.Promise) {
        return;
    }

    var DOUBLE_MS = 300;
    var tilesUrl = frame.getAttribute("data-tiles");
    var info = null;
    var viewer = null;
    var layer = null;
    var controls = null;
    var opening = null;
    var pending = null;
    var zoomedIn = false;
    var leaving = false;
    var lastTap = null;

    fetch(tilesUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (json) {
            if (!json) {
                return;
            }
            info = json;
            sheet.classList.add("zoomable");
            var hint = document.querySelector(".zoom-hint");
            if (hint) {
                hint.hidden = false;
            }
        })
        .catch(function () { /* no tiles: the page image stays as it is */ });

    function ready() {
        return info !== null && !sheet.classList.contains("clipping");
    }

    // A click on a region waits a moment before it opens the article, so that a second click can zoom instead.
    function follow(href) {
        cancel();
        pending = window.setTimeout(function () {
            pending = null;
            if (!leaving) {
                leaving = true;
                window.location.assign(new URL(href, location.href).href);
            }
        }, DOUBLE_MS);
    }

    function cancel() {
        if (pending !== null) {
            window.clearTimeout(pending);
            pending = null;
        }
    }

    sheet.addEventListener("click", function (event) {
        var hotspot = event.target.closest && event.target.closest("a.hotspot");
        if (!ready() || viewer || !hotspot || event.detail === 0 || event.button !== 0
            || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return; // keyboard clicks (detail 0) and new-tab clicks go as links do
        }
        event.preventDefault();
        if (event.detail === 1) {
            follow(hotspot.getAttribute("href"));
        } else {
            cancel();
        }
    }, true);

    sheet.addEventListener("dblclick", function (event) {
        if (ready() && !viewer) {
            event.preventDefault();
            zoomAt(event.clientX, event.clientY, 2.5);
        }
    });

    sheet.addEventListener("wheel", function (event) {
        if (ready() && !viewer && event.ctrlKey && event.deltaY < 0) {
            event.preventDefault();
            zoomAt(event.clientX, event.clientY, 1.8);
        }
    }, { passive: false });

    sheet.addEventListener("touchstart", function (event) {
        if (!ready() || viewer) {
            return;
        }
        if (event.touches.length === 2) {
            var a = event.touches[0];
            var b = event.touches[1];
            zoomAt((a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2, 2);
        }
    }, { passive: true });

    // A double tap: two taps close in time and place. The first tap's click is already waiting (follow above).
    sheet.addEventListener("touchend", function (event) {
        if (!ready() || viewer || event.changedTouches.length !== 1 || event.touches.length > 0) {
            return;
        }
        var touch = event.changedTouches[0];
        var now = Date.now();
        if (lastTap && now - lastTap.t < DOUBLE_MS && Math.abs(touch.clientX - lastTap.x) < 40 && Math.abs(touch.clientY - lastTap.y) < 40) {
            event.preventDefault();
            lastTap = null;
            zoomAt(touch.clientX, touch.clientY, 2.5);
            return;
        }
        lastTap = { t: now, x: touch.clientX, y: touch.clientY };
    });

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

    function zoomAt(x, y, factor) {
        cancel();
        open().then(function () {
            var viewport = viewer.viewport;
            var point = viewport.windowToViewportCoordinates(new window.OpenSeadragon.Point(x, y));
            viewport.zoomBy(factor, point);
            viewport.applyConstraints();
        }, function () { /* the viewer would not load: the page image stays */ });
    }

    function button(label, text, action) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = text;
        b.setAttribute("aria-label", label);
        b.setAttribute("data-zoom-action", action);
        return b;
    }

    function open() {
        if (opening) {
            return opening;
        }
        opening = loadViewer().then(function () {
            return new Promise(function (resolve) {
                layer = document.createElement("div");
                layer.className = "zoom-layer";
                layer.setAttribute("aria-hidden", "true");
                sheet.appendChild(layer);
                controls = document.createElement("div");
                controls.className = "zoom-controls";
                controls.append(
                    button(frame.getAttribute("data-zoom-in"), "+", "in"),
                    button(frame.getAttribute("data-zoom-out"), "−", "out"),
                    button(frame.getAttribute("data-zoom-home"), frame.getAttribute("data-zoom-home"), "home"),
                    button(frame.getAttribute("data-zoom-close"), "×", "close"));
                sheet.appendChild(controls);
                controls.addEventListener("click", function (event) {
                    var action = event.target.getAttribute && event.target.getAttribute("data-zoom-action");
                    var viewport = viewer && viewer.viewport;
                    if (!viewport) {
                        return;
                    }
                    if (action === "in") { viewport.zoomBy(1.6); viewport.applyConstraints(); }
                    else if (action === "out") { viewport.zoomBy(1 / 1.6); viewport.applyConstraints(); }
                    else if (action === "home" || action === "close") { close(); }
                });

                // The tiles' info.json names where it was made; tiles are fetched from where it is served.
                var source = Object.assign({}, info, { id: new URL(tilesUrl.replace(/\/info\.json$/, ""), location.href).href });
                source["@id"] = source.id;
                viewer = window.OpenSeadragon({
                    element: layer,
                    tileSources: source,
                    showNavigationControl: false,
                    drawer: "canvas",
                    visibilityRatio: 1,
                    constrainDuringPan: true,
                    minZoomImageRatio: 1,
                    maxZoomPixelRatio: 2,
                    animationTime: 0.5,
                    gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true, scrollToZoom: true },
                    gestureSettingsTouch: { clickToZoom: false, dblClickToZoom: true, pinchToZoom: true }
                });
                zoomedIn = false;
                viewer.addHandler("open", function () {
                    var hotspots = sheet.querySelector("svg.hotspots").cloneNode(true);
                    hotspots.classList.add("zoom-hotspots");
                    hotspots.removeAttribute("role");
                    hotspots.querySelectorAll("[id]").forEach(function (e) { e.removeAttribute("id"); });
                    hotspots.querySelectorAll("a").forEach(function (a) { a.setAttribute("tabindex", "-1"); });
                    // Pointer clicks are followed by canvas-click below; the link's own navigation would be a second one.
                    hotspots.addEventListener("click", function (event) { event.preventDefault(); });
                    viewer.addOverlay({ element: hotspots, location: viewer.world.getItemAt(0).getBounds() });
                    sheet.setAttribute("data-zoom", "open");
                    resolve();
                });
                // The viewer captures the pointer, so a click's target is its canvas: find the region under it.
                viewer.addHandler("canvas-click", function (event) {
                    var original = event.originalEvent;
                    var under = original && document.elementFromPoint(original.clientX, original.clientY);
                    var link = under && under.closest && under.closest("a");
                    if (event.quick !== false && link) {
                        event.preventDefaultAction = true;
                        follow(link.getAttribute("href"));
                    }
                });
                viewer.addHandler("canvas-double-click", cancel);
                viewer.addHandler("tile-loaded", function () { layer.setAttribute("data-drawn", "true"); });
                viewer.addHandler("animation-start", function () { sheet.setAttribute("data-settled", "false"); });
                viewer.addHandler("animation-finish", function () {
                    var viewport = viewer.viewport;
                    var ratio = viewport.getZoom() / viewport.getHomeZoom();
                    sheet.setAttribute("data-zoom", ratio.toFixed(2));
                    sheet.setAttribute("data-settled", "true");
                    if (ratio > 1.05) {
                        zoomedIn = true;
                    } else if (zoomedIn) {
                        close(); // zoomed all the way out: the plain page, and the wheel scrolls again
                    }
                });
            });
        });
        opening.catch(function () { opening = null; });
        return opening;
    }

    function close() {
        cancel();
        if (viewer) {
            viewer.destroy();
            viewer = null;
        }
        [layer, controls].forEach(function (e) { if (e) { e.remove(); } });
        layer = null;
        controls = null;
        opening = null;
        zoomedIn = false;
        sheet.removeAttribute("data-zoom");
        sheet.removeAttribute("data-settled");
    }

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && viewer) {
            close();
        }
    });
})();
