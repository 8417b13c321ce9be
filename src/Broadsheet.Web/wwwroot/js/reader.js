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
