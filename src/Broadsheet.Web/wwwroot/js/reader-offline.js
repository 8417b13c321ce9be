// 离线保存本期: stores every page, spread and article of the edition, with the images they show, in a cache of
// the edition's own (the addresses come from the edition's offline.json). The service worker (/sw.js) answers
// from it when there is no network, so the edition reads on a train as it does at home.
(function () {
    "use strict";

    var button = document.querySelector("[data-save-edition]");
    if (!button || !("caches" in window) || !("serviceWorker" in navigator) || !window.fetch) {
        return;
    }
    var tools = button.closest(".page-tools-js");
    tools.hidden = false;
    button.hidden = false;
    var status = tools.querySelector(".tool-status");
    var offline = button.getAttribute("data-offline");
    var PARALLEL = 4;

    function saved() {
        button.classList.add("saved");
        button.textContent = button.getAttribute("data-saved");
    }

    // Already saved? The edition's cache is there.
    caches.has(button.getAttribute("data-cache")).then(function (has) {
        if (has) {
            saved();
        }
    });

    function saveAll(list) {
        return caches.open(list.cache).then(function (cache) {
            var urls = list.urls.slice();
            var done = 0;
            var failed = 0;
            var worker = function () {
                var url = urls.shift();
                if (url === undefined) {
                    return Promise.resolve();
                }
                return cache.add(new Request(url, { credentials: "same-origin" }))
                    .catch(function (error) {
                        failed++;
                        console.warn("not saved for offline reading: " + url + " (" + error + ")");
                    })
                    .then(function () {
                        done++;
                        status.textContent = button.getAttribute("data-saving") + " " + done + "/" + list.urls.length;
                        return worker();
                    });
            };
            var workers = [];
            for (var i = 0; i < PARALLEL; i++) {
                workers.push(worker());
            }
            return Promise.all(workers).then(function () {
                if (failed > 0) {
                    throw new Error(failed + " addresses could not be saved");
                }
            });
        });
    }

    button.addEventListener("click", function () {
        if (button.classList.contains("saved")) {
            return;
        }
        button.disabled = true;
        button.textContent = button.getAttribute("data-saving");
        fetch(offline, { credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("offline.json: " + response.status);
                }
                return response.json();
            })
            .then(function (list) {
                return saveAll(list).then(function () {
                    saved();
                    status.textContent = button.getAttribute("data-saved");
                }, function (error) {
                    // Half an edition is worse than none: the reader would find pages missing on the train.
                    return caches.delete(list.cache).then(function () { throw error; });
                });
            })
            .catch(function () {
                button.textContent = button.getAttribute("data-save");
                status.textContent = button.getAttribute("data-failed");
            })
            .then(function () { button.disabled = false; });
    });
})();
