// 朗读: the browser's speech synthesis reads an article a paragraph at a time, and the paragraph being read is
// marked where it is printed on the page image (from the page's text endpoint) and, in the article view, in
// the text. On the page view, when an article ends, the reader is asked whether to go on to the next one.
(function () {
    "use strict";

    if (!("speechSynthesis" in window) || !("SpeechSynthesisUtterance" in window) || !window.fetch) {
        return;
    }

    var SVG = "http://www.w3.org/2000/svg";
    var articleButton = document.querySelector(".article-tools [data-listen]");
    var pageButton = document.querySelector("[data-page-listen]");
    var button = articleButton || pageButton;
    if (!button) {
        return;
    }
    button.hidden = false;
    if (button.closest(".page-tools-js")) {
        button.closest(".page-tools-js").hidden = false;
    }

    var article = document.querySelector("article.article[data-page-text]");
    var textUrl = article ? article.getAttribute("data-page-text") : button.getAttribute("data-text");
    var lang = button.getAttribute("data-lang");
    var bar = document.querySelector(".listen-bar");
    var run = 0; // each reading has a number; callbacks of a stopped one are ignored
    var page = null;

    function voice() {
        var prefix = lang.split("-")[0].toLowerCase();
        var voices = window.speechSynthesis.getVoices() || [];
        return voices.find(function (v) { return v.lang && v.lang.toLowerCase().replace("_", "-") === lang.toLowerCase(); })
            || voices.find(function (v) { return v.lang && v.lang.toLowerCase().indexOf(prefix) === 0; })
            || null;
    }

    function pageText() {
        if (page) {
            return Promise.resolve(page);
        }
        return fetch(textUrl, { credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : { articles: [] }; })
            .catch(function () { return { articles: [] }; })
            .then(function (json) { page = json; return json; });
    }

    // The page image the marks go on: the page view's own, or the article view's thumbnail.
    function marksLayer() {
        var svg = document.querySelector(article ? ".page-thumb svg.hotspots" : ".sheet-frame .page-sheet > svg.hotspots");
        if (!svg) {
            return null;
        }
        var group = svg.querySelector("g.read-marks");
        if (!group) {
            group = document.createElementNS(SVG, "g");
            group.setAttribute("class", "read-marks");
            group.setAttribute("aria-hidden", "true");
            svg.appendChild(group);
        }
        return group;
    }

    function mark(boxes, paragraphIndex) {
        var group = marksLayer();
        if (group) {
            group.replaceChildren();
            (boxes || []).forEach(function (b) {
                var rect = document.createElementNS(SVG, "rect");
                rect.setAttribute("x", b[0]);
                rect.setAttribute("y", b[1]);
                rect.setAttribute("width", b[2]);
                rect.setAttribute("height", b[3]);
                group.appendChild(rect);
            });
        }
        document.querySelectorAll(".article-body .reading").forEach(function (p) { p.classList.remove("reading"); });
        if (article && paragraphIndex >= 0) {
            var p = article.querySelector('.article-body [data-p="' + paragraphIndex + '"]');
            if (p) {
                p.classList.add("reading");
                p.scrollIntoView({ block: "nearest", behavior: "smooth" });
            }
        }
    }

    function setPressed(on) {
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.textContent = button.getAttribute(on ? "data-stop" : "data-start");
    }

    function stop() {
        run++;
        window.speechSynthesis.cancel();
        setPressed(false);
        mark([], -1);
        document.querySelectorAll(".hotspot.reading").forEach(function (h) { h.classList.remove("reading"); });
        if (bar) {
            bar.hidden = true;
        }
    }

    function say(text, onStart, onEnd) {
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        var v = voice();
        if (v) {
            utterance.voice = v;
        }
        utterance.onstart = onStart;
        utterance.onend = onEnd;
        utterance.onerror = onEnd;
        window.speechSynthesis.speak(utterance);
    }

    // Reads one article: its headline, then each paragraph; calls done() at the end unless stopped.
    function read(item, title, done) {
        var mine = run;
        var parts = [{ text: title, index: -1, boxes: [] }].concat(item.paragraphs.map(function (p, i) {
            return { text: p.text, index: i, boxes: p.boxes };
        }));
        var hotspot = document.querySelector('.sheet-frame .hotspot[data-n="' + item.n + '"]');
        document.querySelectorAll(".hotspot.reading").forEach(function (h) { h.classList.remove("reading"); });
        if (hotspot) {
            hotspot.classList.add("reading");
        }
        var next = function (k) {
            if (mine !== run) {
                return;
            }
            if (k >= parts.length) {
                done();
                return;
            }
            var part = parts[k];
            say(part.text, function () {
                if (mine !== run) {
                    return;
                }
                mark(part.boxes, part.index);
                if (bar) {
                    bar.hidden = false;
                    bar.querySelector(".listen-now").textContent = (bar.getAttribute("data-reading") || "")
                        .replace("{0}", item.headline).replace("{1}", String(Math.max(1, part.index + 1))).replace("{2}", String(item.paragraphs.length));
                }
            }, function () { next(k + 1); });
        };
        next(0);
    }

    // The article view: this article, marked in its text and on the page thumbnail.
    function readArticle() {
        var n = parseInt(article.getAttribute("data-n"), 10);
        var headline = document.querySelector(".article-head .headline").textContent.trim();
        var kicker = document.querySelector(".article-head .kicker");
        var subheadline = document.querySelector(".article-head .subheadline");
        var title = [kicker, { textContent: headline }, subheadline].filter(Boolean).map(function (e) { return e.textContent.trim(); }).join("\n");
        pageText().then(function (json) {
            var placed = (json.articles || []).find(function (a) { return a.n === n; });
            var paragraphs = Array.prototype.map.call(article.querySelectorAll(".article-body [data-p]"), function (p, i) {
                var boxes = placed && placed.paragraphs[i] ? placed.paragraphs[i].boxes : [];
                return { text: p.textContent.trim(), boxes: boxes };
            });
            read({ n: n, headline: headline, paragraphs: paragraphs }, title, function () {
                stop();
                offerNext();
            });
        });
    }

    // At the article's end, the next article of the same page, to be read on when the reader asks.
    function offerNext() {
        var url = article.getAttribute("data-next-on-page");
        var status = document.querySelector(".article-tools .tool-status");
        if (!url || !status) {
            return;
        }
        var link = document.createElement("a");
        link.href = url + "#listen";
        link.className = "listen-next";
        link.textContent = article.getAttribute("data-next-label");
        status.replaceChildren(link);
    }

    // The page view: from the article the reader is at (#aN) or the first, asking before each next one.
    function readPage() {
        pageText().then(function (json) {
            var articles = (json.articles || []).filter(function (a) { return a.paragraphs.length > 0 || a.headline; });
            if (articles.length === 0) {
                stop();
                return;
            }
            var target = /^#a(\d+)$/.exec(location.hash);
            var start = target ? Math.max(0, articles.findIndex(function (a) { return a.n === parseInt(target[1], 10); })) : 0;
            var ask = bar.querySelector(".listen-ask");
            var from = function (i) {
                ask.hidden = true;
                read(articles[i], articles[i].headline, function () {
                    mark([], -1);
                    if (i + 1 >= articles.length) {
                        bar.querySelector(".listen-now").textContent = bar.getAttribute("data-done") || "";
                        setPressed(false);
                        return;
                    }
                    ask.hidden = false;
                    ask.querySelector(".listen-next-title").textContent = (bar.getAttribute("data-next") || "{0}").replace("{0}", articles[i + 1].headline);
                    ask.querySelector("[data-listen-next]").onclick = function () { from(i + 1); };
                });
            };
            from(start);
        });
    }

    if (bar) {
        var stopButton = bar.querySelector("[data-listen-stop]");
        if (stopButton) {
            stopButton.addEventListener("click", stop);
        }
    }

    button.addEventListener("click", function () {
        if (button.getAttribute("aria-pressed") === "true") {
            stop();
            return;
        }
        stop();
        setPressed(true);
        if (article) {
            readArticle();
        } else {
            readPage();
        }
    });
    window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
    // Arrived from the previous article's "read on": go on reading (the browser may want a tap first).
    if (article && location.hash === "#listen") {
        button.click();
    }
})();
