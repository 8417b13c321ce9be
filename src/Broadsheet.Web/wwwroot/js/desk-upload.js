// The desk's upload: drop files on the form and send them with a visible byte count; then follow the
// import on the job page, polling its state twice a second until it is finished. Without this script the
// form posts normally and the job page reloads itself.
(function () {
    "use strict";

    var token = document.querySelector('meta[name="request-verification-token"]');

    function megabytes(bytes) {
        return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
    }

    function setBar(bar, percent) {
        bar.setAttribute("aria-valuenow", String(percent));
        bar.querySelector("span").style.width = percent + "%";
    }

    function uploadForm(form) {
        var input = form.querySelector("#upload-files");
        var zone = form.querySelector("#upload-drop");
        var list = form.querySelector("#upload-list");
        var start = form.querySelector("#upload-start");
        var sending = form.querySelector("#upload-sending");
        var error = form.querySelector("#upload-error");

        function showFiles() {
            list.textContent = "";
            var files = Array.prototype.slice.call(input.files || []);
            files.sort(function (a, b) { return a.name.localeCompare(b.name, "zh-CN", { numeric: true }); });
            files.forEach(function (file) {
                var item = document.createElement("li");
                var name = document.createElement("span");
                name.className = "file-name";
                name.textContent = file.name;
                var size = document.createElement("span");
                size.className = "file-size muted";
                size.textContent = megabytes(file.size);
                item.append(name, size);
                list.append(item);
            });
            zone.classList.toggle("has-files", files.length > 0);
        }

        function fail(message) {
            error.textContent = message;
            error.hidden = false;
            sending.hidden = true;
            start.disabled = false;
        }

        ["dragenter", "dragover"].forEach(function (type) {
            zone.addEventListener(type, function (event) {
                event.preventDefault();
                zone.classList.add("dragging");
            });
        });
        ["dragleave", "drop"].forEach(function (type) {
            zone.addEventListener(type, function (event) {
                event.preventDefault();
                zone.classList.remove("dragging");
            });
        });
        zone.addEventListener("drop", function (event) {
            if (event.dataTransfer && event.dataTransfer.files.length > 0) {
                input.files = event.dataTransfer.files;
                showFiles();
            }
        });
        input.addEventListener("change", showFiles);
        // A file dropped beside the zone would otherwise make the browser open it and leave the desk.
        ["dragover", "drop"].forEach(function (type) {
            document.addEventListener(type, function (event) {
                if (!zone.contains(event.target)) { event.preventDefault(); }
            });
        });

        form.addEventListener("submit", function (event) {
            event.preventDefault();
            error.hidden = true;
            if (!input.files || input.files.length === 0) {
                fail("请先选择文件：各版的 PDF（或版面图片），或者一个 zip。");
                return;
            }

            start.disabled = true;
            sending.hidden = false;
            var bar = sending.querySelector(".import-bar");
            var text = sending.querySelector(".upload-sending-text");
            var request = new XMLHttpRequest();
            request.open("POST", form.dataset.api);
            request.setRequestHeader("RequestVerificationToken", token ? token.content : "");
            request.setRequestHeader("Accept", "application/json");
            request.upload.addEventListener("progress", function (e) {
                if (e.lengthComputable) {
                    var percent = Math.round(100 * e.loaded / e.total);
                    setBar(bar, percent);
                    text.textContent = "正在上传 " + megabytes(e.loaded) + " / " + megabytes(e.total);
                }
            });
            request.addEventListener("load", function () {
                var body = null;
                try { body = JSON.parse(request.responseText); } catch (ignored) { body = null; }
                if (request.status === 202 && body && body.id) {
                    text.textContent = "上传完成，开始导入…";
                    window.location.assign("/desk/imports/" + encodeURIComponent(body.id));
                } else if (request.status === 401) {
                    fail("登录已过期，请重新登录后再上传。");
                } else if (request.status === 403) {
                    fail("你的账号不能给这份报纸上传。");
                } else {
                    fail(body && body.detail ? body.detail : "上传没有成功（" + request.status + "），请再试一次。");
                }
            });
            request.addEventListener("error", function () { fail("网络中断，上传没有完成，请再试一次。"); });
            request.send(new FormData(form));
        });
    }

    var stepNames = null;
    var stepWords = { done: "完成", working: "进行中", waiting: "等待" };

    function cell(tag, className, text) {
        var element = document.createElement(tag);
        if (className) { element.className = className; }
        if (text !== undefined) { element.textContent = text; }
        return element;
    }

    function renderRows(table, state) {
        if (!stepNames) {
            stepNames = Array.prototype.map.call(table.querySelectorAll("thead .step-head"), function (th) { return th.textContent; });
        }
        var body = table.tBodies[0];
        if (state.pages.length === 0) { return; }
        body.textContent = "";
        state.pages.forEach(function (page) {
            var row = cell("tr", page.done ? "page-done" : "");
            row.dataset.label = page.label;
            var head = cell("th", "", page.label);
            head.scope = "row";
            row.append(head);
            page.steps.forEach(function (step, i) {
                var key = String(step).toLowerCase();
                var td = cell("td", "step step-" + key);
                td.append(cell("span", "step-fill"), cell("span", "visually-hidden", stepNames[i] + "：" + stepWords[key]));
                row.append(td);
            });
            row.append(cell("td", "page-name", ""), cell("td", "num page-articles", ""), cell("td", "page-note", ""));
            body.append(row);
        });
    }

    function follow(job) {
        var api = job.dataset.api;
        var table = document.getElementById("import-pages");
        var bar = document.getElementById("import-bar");
        function poll() {
            fetch(api, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
                .then(function (response) {
                    if (!response.ok) { throw new Error(String(response.status)); }
                    return response.json();
                })
                .then(function (state) {
                    if (state.finished) {
                        // The server draws the result (names, articles, notes, links) once; fetch it whole.
                        window.location.reload();
                        return;
                    }
                    document.getElementById("import-stage").textContent = state.stageText;
                    document.getElementById("import-count").textContent = state.pageCount > 0 ? state.pagesDone + "/" + state.pageCount + " 版" : "";
                    document.getElementById("import-percent").textContent = state.percent + "%";
                    setBar(bar, state.percent);
                    renderRows(table, state);
                    window.setTimeout(poll, 500);
                })
                .catch(function () { window.setTimeout(poll, 2000); });
        }
        poll();
    }

    var form = document.getElementById("upload-form");
    if (form) { uploadForm(form); }
    var job = document.getElementById("import-job");
    if (job && (job.dataset.status === "Queued" || job.dataset.status === "Running")) { follow(job); }
}());
