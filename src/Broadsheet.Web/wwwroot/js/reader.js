// Broadsheet reader: small enhancements over pages that work fully without script.
// Arrow keys and swipes follow the pager's links; the article tools (text size, share) appear only here.
// Zoom, reading aloud, clipping and saving for offline each have a file of their own (reader-*.js).
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
        // Not while the page is zoomed or being clipped: there a finger moves the view or draws.
        var area = event.target.closest && !event.target.closest(".zoom-layer, .clipping") && event.target.closest("[data-swipe]");
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

})();

// The masthead on a phone: the menu and the search form open from their buttons (links to #site-nav and
// #header-search without script); 版面 ⇄ 文字 follows the article the reader last pointed at; search marks in
// the text, one after another; the service worker for saved editions.
(function () {
    "use strict";

    var masthead = document.querySelector(".masthead");
    if (masthead) {
        masthead.querySelectorAll(".masthead-toggle").forEach(function (toggle) {
            var css = toggle.classList.contains("menu-open") ? "nav-open" : "search-open-now";
            toggle.addEventListener("click", function (event) {
                event.preventDefault();
                var open = masthead.classList.toggle(css);
                toggle.setAttribute("aria-expanded", open ? "true" : "false");
                if (open && css === "search-open-now") {
                    var input = masthead.querySelector("#header-q");
                    if (input) {
                        input.focus();
                    }
                }
            });
        });
    }

    // 文字 from the page view opens the article under the reader's pointer or finger, or the one they came from (#aN).
    var toText = document.querySelector(".view-toggle .to-text[data-view-toggle]");
    var sheet = document.querySelector(".sheet-frame .page-sheet");
    if (toText && sheet) {
        var point = function (hotspot) {
            if (hotspot && hotspot.getAttribute("href")) {
                toText.setAttribute("href", hotspot.getAttribute("href"));
            }
        };
        var fromHash = function () {
            var id = decodeURIComponent(location.hash.slice(1));
            point(id && document.getElementById(id) && document.getElementById(id).closest(".hotspot"));
        };
        fromHash();
        window.addEventListener("hashchange", fromHash);
        ["focusin", "touchstart"].forEach(function (type) {
            sheet.addEventListener(type, function (event) {
                point(event.target.closest && event.target.closest(".hotspot"));
            }, { passive: true });
        });
        // The pointer must rest on an article a moment: on its way to the toggle it crosses others.
        var resting = null;
        sheet.addEventListener("mouseover", function (event) {
            var hotspot = event.target.closest && event.target.closest(".hotspot");
            window.clearTimeout(resting);
            resting = hotspot ? window.setTimeout(function () { point(hotspot); }, 400) : null;
        });
        sheet.addEventListener("mouseleave", function () { window.clearTimeout(resting); });
    }

    // A finger on the page shows where the articles are for a moment, as the pointer does over it.
    document.querySelectorAll(".page-sheet:not(.thumbnail)").forEach(function (page) {
        var timer = null;
        page.addEventListener("touchstart", function () {
            page.classList.add("show-regions");
            window.clearTimeout(timer);
            timer = window.setTimeout(function () { page.classList.remove("show-regions"); }, 2500);
        }, { passive: true });
    });

    // 上一处 / 下一处: from one marked phrase to the next, in a cycle.
    var bar = document.querySelector(".hits-bar[data-hits]");
    if (bar) {
        var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hit"));
        var position = bar.querySelector(".hits-position");
        var at = -1;
        var show = function (index) {
            if (marks.length === 0) {
                return;
            }
            if (at >= 0) {
                marks[at].classList.remove("current");
            }
            at = (index + marks.length) % marks.length;
            marks[at].classList.add("current");
            marks[at].scrollIntoView({ block: "center", behavior: "smooth" });
            position.textContent = (at + 1) + " / " + marks.length;
            bar.querySelector(".hit-previous").setAttribute("href", "#hit-" + (((at - 1 + marks.length) % marks.length) + 1));
            bar.querySelector(".hit-next").setAttribute("href", "#hit-" + (((at + 1) % marks.length) + 1));
        };
        bar.querySelectorAll("[data-hit-step]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                show(at + parseInt(link.getAttribute("data-hit-step"), 10));
            });
        });
        if (marks.length > 0) {
            show(0);
        }
    }

    // Copy buttons (the clip page's citation).
    document.querySelectorAll("[data-copy-text]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var status = button.parentNode.querySelector(".tool-status");
            var text = button.getAttribute("data-copy-text");
            var done = function () { if (status) { status.textContent = button.getAttribute("data-done"); } };
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
            } else {
                window.prompt("", text);
            }
        });
    });

    // Saved editions are read through the service worker; it does nothing for a reader who saved none.
    if ("serviceWorker" in navigator && (location.protocol === "https:" || location.hostname === "localhost" || location.hostname === "127.0.0.1")) {
        navigator.serviceWorker.register("/sw.js").catch(function () { /* no offline reading, nothing else lost */ });
    }
})();
