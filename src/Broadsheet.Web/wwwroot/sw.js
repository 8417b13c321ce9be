// Broadsheet's service worker: saved editions read without a network.
// Pages and the API go to the network first and fall back to a saved copy; page images and photos (whose
// addresses never change) come from a saved copy first. Nothing is saved here: reader-offline.js saves an
// edition, into a cache named "broadsheet-edition:{publication}/{date}" ({date}_{n} for a day's later edition), when the reader asks for it.
"use strict";

var OFFLINE_PAGE = "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    + "<title>离线 · Offline</title><body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\">"
    + "<h1>您已离线</h1><p>这一页没有离线保存。联网时在版面页点“离线保存本期”，这一期就能离线阅读。</p>"
    + "<p lang=\"en\">You are offline, and this page was not saved. Online, use “Save this edition offline” on a page.</p></body></html>";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") {
        return;
    }
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) {
        return;
    }
    if (url.pathname.indexOf("/media/") === 0) {
        event.respondWith(savedFirst(request, url));
    } else if (request.mode === "navigate" || /^\/(css|js|api\/v1\/publications)\//.test(url.pathname) || url.pathname === "/favicon.svg") {
        event.respondWith(networkFirst(request, url));
    }
});

function saved(request, ignoreSearch) {
    return caches.match(request, { ignoreVary: true, ignoreSearch: ignoreSearch });
}

function networkFirst(request, url) {
    return fetch(request).catch(function () {
        // A search's marks (?hl=) or another version of a script: the saved copy without them is what there is.
        return saved(request, false).then(function (hit) { return hit || saved(request, true); }).then(function (hit) {
            if (hit) {
                return hit;
            }
            if (request.mode === "navigate") {
                return new Response(OFFLINE_PAGE, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
            }
            return Response.error();
        });
    });
}

// A page image's larger size (2000 px, asked for by dense screens) falls back to the saved 1200 px one.
var SMALLER = { "large.jpg": "page.jpg" };

function savedFirst(request, url) {
    return saved(request, false).then(function (hit) {
        if (hit) {
            return hit;
        }
        return fetch(request).catch(function () {
            var name = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
            var smaller = SMALLER[name];
            if (!smaller) {
                return Response.error();
            }
            var other = url.pathname.slice(0, url.pathname.lastIndexOf("/") + 1) + smaller;
            return caches.match(other, { ignoreVary: true }).then(function (copy) { return copy || Response.error(); });
        });
    });
}
