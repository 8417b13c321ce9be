// The review page's page-first tools, beside the hotspot editor (desk-review.js): deep zoom over the page's IIIF
// tiles (OpenSeadragon, the view remembered per page), the doubt list that jumps to its place, the page's text
// layer (blocks and lines, coloured by the article that holds them) to pick text from and give to an article,
// new articles drawn on the page, photos (photo news, give, move, re-crop, delete), and the article list's own
// tools. Every change is one request; the page then reloads on the same view with the same article selected.
(() => {
    "use strict";

    const root = document.querySelector("[data-review]");
    const dataElement = document.getElementById("review-data");
    if (!root || !dataElement) {
        return;
    }

    const data = JSON.parse(dataElement.textContent);
    const editor = () => root.deskReview;
    const viewerBox = root.querySelector(".review-viewer");
    const sheet = root.querySelector(".review-sheet");
    const marks = sheet.querySelector("svg.review-marks");
    const linesLayer = marks.querySelector("g.lines");
    const blocksLayer = marks.querySelector("g.blocks");
    const photosLayer = marks.querySelector("g.photos");
    const lasso = marks.querySelector("polygon.lasso");
    const toolbar = root.querySelector(".review-toolbar");
    const pickBar = root.querySelector(".review-pick");
    const photoBar = root.querySelector(".review-photo");
    const token = document.querySelector("meta[name=request-verification-token]")?.content ?? "";
    const api = `/desk/api/editions/${data.edition}`;
    const SVG = "http://www.w3.org/2000/svg";
    const DRAG_PX = 6;
    const ZOOM_KEY = `broadsheet.desk.view:${location.pathname}`;
    const FLASH_KEY = "broadsheet.desk.flash";
    const TEXT_KEY = `broadsheet.desk.text:${location.pathname}`;

    let viewer = null;
    let mode = null;            // null, "new-article" or "lasso"
    let showText = false;
    const picked = [];          // line indices in the order picked (blocks in click order)
    let anchor = -1;
    let photo = null;           // the selected photo's data
    let linking = null;         // the article whose fragment is to be clicked next

    const say = (text, kind) => editor()?.say(text, kind);
    const selected = () => editor()?.selected() ?? null;
    const titleOf = id => editor()?.title(id) ?? "";

    // Server changes -------------------------------------------------------------------------------------------

    async function change(method, url, body, selectAfter) {
        if (editor()?.dirty()) {
            say("区域有未保存的修改：请先“保存区域”或“放弃修改”，再做别的改动。", "error");
            return false;
        }
        say("正在保存…");
        let response;
        try {
            response = await fetch(url, {
                method,
                headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
                credentials: "same-origin",
                body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch {
            say("网络错误，没有保存。", "error");
            return false;
        }
        if (!response.ok) {
            say(`没有改动：${await problem(response)}`, "error");
            return false;
        }
        const answer = await response.json();
        sessionStorage.setItem(FLASH_KEY, answer.message);
        reload(answer.select ?? selectAfter ?? selected());
        return true;
    }

    async function problem(response) {
        if (response.status === 401) {
            return "登录已过期，请重新登录";
        }
        if (response.status === 403) {
            return "没有权限";
        }
        try {
            const body = await response.json();
            return body.detail || body.title || `错误 ${response.status}`;
        } catch {
            return `错误 ${response.status}`;
        }
    }

    function reload(article) {
        saveView();
        const url = new URL(location.href);
        if (article) {
            url.searchParams.set("article", article);
        } else {
            url.searchParams.delete("article");
        }
        location.replace(url.href);
    }

    // The viewer --------------------------------------------------------------------------------------------------

    function saveView() {
        if (!viewer) {
            return;
        }
        const center = viewer.viewport.getCenter();
        try {
            localStorage.setItem(ZOOM_KEY, JSON.stringify({ x: center.x, y: center.y, zoom: viewer.viewport.getZoom() }));
        } catch { /* private browsing: the view is simply not remembered */ }
    }

    function savedView() {
        try {
            return JSON.parse(localStorage.getItem(ZOOM_KEY) ?? "null");
        } catch {
            return null;
        }
    }

    function loadScript(src) {
        return window.OpenSeadragon ? Promise.resolve() : new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = src;
            script.onload = resolve;
            script.onerror = reject;
            document.head.append(script);
        });
    }

    async function openViewer() {
        const tiles = viewerBox.dataset.tiles;
        if (!tiles) {
            return false;
        }
        try {
            const response = await fetch(tiles, { credentials: "same-origin" });
            if (!response.ok) {
                return false;
            }
            const info = await response.json();
            await loadScript(viewerBox.dataset.osd);
            // The tiles' info.json names where it was made; tiles are fetched from where it is served.
            const source = Object.assign({}, info, { id: new URL(tiles.replace(/\/info\.json$/, ""), location.href).href });
            source["@id"] = source.id;
            const stage = document.createElement("div");
            stage.className = "review-osd";
            viewerBox.prepend(stage);
            root.classList.add("osd");
            viewer = window.OpenSeadragon({
                element: stage,
                tileSources: source,
                showNavigationControl: false,
                drawer: "canvas",
                visibilityRatio: 0.3,
                constrainDuringPan: true,
                maxZoomPixelRatio: 3,
                animationTime: 0.4,
                gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: false },
                gestureSettingsTouch: { clickToZoom: false, dblClickToZoom: false },
            });
            viewer.addHandler("open", () => {
                const bounds = viewer.world.getItemAt(0).getBounds();
                viewer.addOverlay({ element: sheet, location: bounds });
                const view = savedView();
                if (view) {
                    viewer.viewport.zoomTo(view.zoom, null, true);
                    viewer.viewport.panTo(new window.OpenSeadragon.Point(view.x, view.y), true);
                }
                root.dataset.viewer = "ready";
            });
            viewer.addHandler("animation-start", () => { root.dataset.settled = "false"; });
            viewer.addHandler("animation-finish", () => {
                root.dataset.settled = "true";
                saveView();
            });
            viewer.addHandler("canvas-click", event => {
                if (event.quick === false) {
                    return;
                }
                const original = event.originalEvent;
                if (original && pickAt(original.clientX, original.clientY, original)) {
                    event.preventDefaultAction = true;
                }
            });
            return true;
        } catch {
            root.classList.remove("osd");
            return false;
        }
    }

    function zoom(action) {
        if (viewer) {
            const viewport = viewer.viewport;
            if (action === "zoom-in") { viewport.zoomBy(1.6); viewport.applyConstraints(); }
            else if (action === "zoom-out") { viewport.zoomBy(1 / 1.6); viewport.applyConstraints(); }
            else { viewport.goHome(); }
            return;
        }
        root.classList.toggle("zoomed", action === "zoom-in");
    }

    /** Shows <box> (l, t, r, b of the page) with room around it, and marks it for a moment. */
    function jump(box) {
        if (!box) {
            return;
        }
        const [l, t, r, b] = box;
        if (viewer) {
            const bounds = viewer.world.getItemAt(0).getBounds();
            const padX = Math.max(0.04, (r - l) * 0.25);
            const padY = Math.max(0.04, (b - t) * 0.25);
            viewer.viewport.fitBounds(new window.OpenSeadragon.Rect(
                bounds.x + (Math.max(0, l - padX) * bounds.width),
                bounds.y + (Math.max(0, t - padY) * bounds.height),
                (Math.min(1, r + padX) - Math.max(0, l - padX)) * bounds.width,
                (Math.min(1, b + padY) - Math.max(0, t - padY)) * bounds.height));
        } else {
            sheet.scrollIntoView({ block: "nearest" });
        }
        const flash = document.createElementNS(SVG, "rect");
        flash.setAttribute("class", "flash");
        flash.setAttribute("x", l);
        flash.setAttribute("y", t);
        flash.setAttribute("width", Math.max(0.002, r - l));
        flash.setAttribute("height", Math.max(0.002, b - t));
        marks.append(flash);
        setTimeout(() => flash.remove(), 2400);
    }

    /** A click on the page in the viewer (which captures the pointer): whatever lies under it. True when something took it. */
    function pickAt(x, y, event) {
        const under = document.elementFromPoint(x, y);
        if (!under || !sheet.contains(under)) {
            return false;
        }
        const line = under.closest("rect.line");
        if (line && showText) {
            clickLine(Number(line.dataset.line), event);
            return true;
        }
        const photoMark = under.closest("polygon.photo");
        if (photoMark && !showText) {
            selectPhoto(Number(photoMark.dataset.photo));
            return true;
        }
        const region = under.closest("svg.review-regions polygon[data-article]");
        if (region) {
            if (linking) {
                link(region.dataset.article);
                return true;
            }
            editor()?.pickRegion(region);
            return true;
        }
        return false;
    }

    // The text layer ----------------------------------------------------------------------------------------------

    function rect(layer, cls, l, t, r, b) {
        const element = document.createElementNS(SVG, "rect");
        element.setAttribute("x", l);
        element.setAttribute("y", t);
        element.setAttribute("width", Math.max(0.0005, r - l));
        element.setAttribute("height", Math.max(0.0005, b - t));
        element.setAttribute("class", cls);
        layer.append(element);
        return element;
    }

    function colourOf(article) {
        return root.querySelector(`.review-articles li[data-article="${article}"]`)?.dataset.colour ?? null;
    }

    function drawText() {
        blocksLayer.replaceChildren();
        linesLayer.replaceChildren();
        if (!showText) {
            return;
        }
        for (const [l, t, r, b] of data.blocks) {
            rect(blocksLayer, "block", l - 0.002, t - 0.002, r + 0.002, b + 0.002);
        }
        const mine = selected();
        data.lines.forEach((line, i) => {
            const owner = line.a ? String(line.a) : null;
            const colour = owner ? colourOf(owner) : null;
            const cls = ["line", owner ? (colour !== null ? `owned c${colour}` : "owned") : "free"];
            if (owner && owner === mine) {
                cls.push("mine");
            }
            if (picked.includes(i)) {
                cls.push("picked");
            }
            const element = rect(linesLayer, cls.join(" "), line.l, line.y, line.r, line.b);
            element.dataset.line = String(i);
            const title = document.createElementNS(SVG, "title");
            title.textContent = line.t;
            element.append(title);
        });
    }

    function blockLines(block) {
        return data.lines.map((line, i) => [line, i]).filter(([line]) => line.k === block).map(([, i]) => i);
    }

    function clickLine(index, event) {
        const line = data.lines[index];
        if (event?.shiftKey && anchor >= 0 && data.lines[anchor].k === line.k) {
            const block = blockLines(line.k);
            const [from, to] = [block.indexOf(anchor), block.indexOf(index)].sort((a, b) => a - b);
            for (const i of block.slice(from, to + 1)) {
                if (!picked.includes(i)) {
                    picked.push(i);
                }
            }
        } else if (event?.altKey) {
            toggle([index]);
        } else {
            toggle(blockLines(line.k));
        }
        anchor = index;
        pickChanged();
    }

    function toggle(indices) {
        const all = indices.every(i => picked.includes(i));
        for (const i of indices) {
            const at = picked.indexOf(i);
            if (all && at >= 0) {
                picked.splice(at, 1);
            } else if (!all && at < 0) {
                picked.push(i);
            }
        }
    }

    function clearPick() {
        picked.length = 0;
        anchor = -1;
        pickChanged();
    }

    function pickChanged() {
        drawText();
        pickBar.hidden = picked.length === 0;
        const target = selected();
        pickBar.querySelector(".pick-count").textContent = `已选 ${picked.length} 行`;
        pickBar.querySelector(".pick-target").textContent = target ? `给《${titleOf(target)}》作：` : "先在右边选一篇文章，再选它的用法；或者：";
        for (const button of pickBar.querySelectorAll("[data-role]")) {
            button.disabled = !target;
        }
    }

    function setText(on) {
        showText = on;
        try {
            sessionStorage.setItem(TEXT_KEY, on ? "1" : "0");
        } catch { /* not remembered */ }
        root.classList.toggle("show-text", on);
        toolbarButton("text").setAttribute("aria-pressed", String(on));
        if (on) {
            selectPhoto(null);
        }
        drawText();
    }

    async function assign(role, at, article) {
        const target = article ?? selected();
        if (!target || picked.length === 0) {
            return;
        }
        await change("POST", `${api}/pages/${encodeURIComponent(data.page)}/lines`, {
            article: Number(target), lines: [...picked], role, at: at === undefined ? null : at,
            image: photo && String(photo.article) === String(target) ? photo.id : null,
        }, target);
    }

    // Dragging picked lines onto another article gives them to it as the end of its body.
    linesLayer.addEventListener("pointerdown", event => {
        const line = event.target.closest("rect.line");
        if (!line || !showText || mode || event.button > 0) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        const index = Number(line.dataset.line);
        const start = [event.clientX, event.clientY];
        let ghost = null;
        const move = e => {
            if (!ghost && picked.includes(index) && Math.hypot(e.clientX - start[0], e.clientY - start[1]) > DRAG_PX) {
                ghost = document.createElement("div");
                ghost.className = "drag-ghost";
                ghost.textContent = `${picked.length} 行 → 放到一篇文章上`;
                document.body.append(ghost);
            }
            if (ghost) {
                ghost.style.left = `${e.clientX + 12}px`;
                ghost.style.top = `${e.clientY + 12}px`;
            }
        };
        const end = e => {
            window.removeEventListener("pointermove", move);
            window.removeEventListener("pointerup", end);
            if (!ghost) {
                clickLine(index, e);
                return;
            }
            ghost.remove();
            const target = dropTarget(e.clientX, e.clientY);
            if (target) {
                assign("body", undefined, target);
            } else {
                say("没有放到文章上：请放到一篇文章的区域、编号或列表里的标题上。", "error");
            }
        };
        window.addEventListener("pointermove", move);
        window.addEventListener("pointerup", end);
    });

    function dropTarget(x, y) {
        const under = document.elementFromPoint(x, y);
        const item = under?.closest(".review-articles li[data-article], .region-label[data-article], polygon[data-article]");
        if (item) {
            return item.dataset.article;
        }
        const line = under?.closest("rect.line");
        return line ? (data.lines[Number(line.dataset.line)].a ?? null) : null;
    }

    pickBar.addEventListener("click", event => {
        const button = event.target.closest("button");
        if (!button) {
            return;
        }
        if (button.dataset.role) {
            assign(button.dataset.role, button.dataset.at === undefined ? undefined : Number(button.dataset.at));
        } else if (button.dataset.pick === "new") {
            change("POST", `${api}/pages/${encodeURIComponent(data.page)}/articles`, { lines: [...picked] });
        } else if (button.dataset.pick === "clear") {
            clearPick();
        }
    });

    // Rectangles dragged on the page: a new article, or lines to pick -------------------------------------------------

    function setMode(next) {
        mode = mode === next ? null : next;
        toolbarButton("new-article").setAttribute("aria-pressed", String(mode === "new-article"));
        toolbarButton("lasso").setAttribute("aria-pressed", String(mode === "lasso"));
        sheet.classList.toggle("framing", mode !== null);
        if (mode === "lasso" && !showText) {
            setText(true);
        }
        if (mode === "new-article") {
            say("在版面上拖出新文章的范围：标题、正文和图片都框在里面。Esc 取消。");
        } else if (mode === "lasso") {
            say("在版面上拖出一个矩形，选中里面的文字行。");
        }
    }

    function toPage(event) {
        const box = sheet.getBoundingClientRect();
        return [Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)), Math.min(1, Math.max(0, (event.clientY - box.top) / box.height))];
    }

    sheet.addEventListener("pointerdown", event => {
        if (!mode || event.button > 0 || editor()?.drawing()) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        sheet.setPointerCapture(event.pointerId);
        const start = toPage(event);
        let end = start;
        const points = () => {
            const [[x1, y1], [x2, y2]] = [start, end];
            return [[Math.min(x1, x2), Math.min(y1, y2)], [Math.max(x1, x2), Math.min(y1, y2)], [Math.max(x1, x2), Math.max(y1, y2)], [Math.min(x1, x2), Math.max(y1, y2)]];
        };
        const move = e => {
            end = toPage(e);
            lasso.setAttribute("points", points().map(p => p.join(",")).join(" "));
            lasso.classList.add("active");
        };
        const up = e => {
            sheet.removeEventListener("pointermove", move);
            sheet.removeEventListener("pointerup", up);
            sheet.removeEventListener("pointercancel", up);
            lasso.classList.remove("active");
            end = toPage(e);
            const [[l, t], , [r, b]] = points();
            const box = sheet.getBoundingClientRect();
            if ((r - l) * box.width < DRAG_PX || (b - t) * box.height < DRAG_PX) {
                return;
            }
            const current = mode;
            setMode(mode);
            if (current === "lasso") {
                data.lines.forEach((line, i) => {
                    const [x, y] = [(line.l + line.r) / 2, (line.y + line.b) / 2];
                    if (x >= l && x <= r && y >= t && y <= b && !picked.includes(i)) {
                        picked.push(i);
                    }
                });
                pickChanged();
            } else {
                change("POST", `${api}/pages/${encodeURIComponent(data.page)}/articles`, { polygon: points() });
            }
        };
        sheet.addEventListener("pointermove", move);
        sheet.addEventListener("pointerup", up);
        sheet.addEventListener("pointercancel", up);
    });

    // Photos ------------------------------------------------------------------------------------------------------------

    const photoHandles = document.createElement("div");
    photoHandles.className = "photo-handles";
    sheet.append(photoHandles);

    function photoBox(p) {
        const xs = p.points.map(pt => pt[0]);
        const ys = p.points.map(pt => pt[1]);
        return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    }

    function selectPhoto(id) {
        photo = id === null ? null : data.photos.find(p => p.id === id) ?? null;
        for (const mark of photosLayer.querySelectorAll("polygon.photo")) {
            mark.classList.toggle("current", photo !== null && Number(mark.dataset.photo) === photo.id);
        }
        photoBar.hidden = photo === null;
        photoHandles.replaceChildren();
        if (!photo) {
            return;
        }
        photoBar.querySelector(".photo-title").textContent = `图片（《${titleOf(String(photo.article))}》）`;
        photoBar.querySelector("[data-photo-action=give]").disabled = !selected() || selected() === String(photo.article);
        const [l, t, r, b] = photoBox(photo);
        const frame = document.createElement("button");
        frame.type = "button";
        frame.className = "photo-frame";
        frame.setAttribute("aria-label", "拖动移动图片");
        frame.style.cssText = `left:${l * 100}%;top:${t * 100}%;width:${(r - l) * 100}%;height:${(b - t) * 100}%`;
        photoHandles.append(frame);
        [["nw", l, t], ["ne", r, t], ["se", r, b], ["sw", l, b]].forEach(([corner, x, y]) => {
            const handle = document.createElement("button");
            handle.type = "button";
            handle.className = `photo-corner ${corner}`;
            handle.dataset.corner = corner;
            handle.setAttribute("aria-label", `拖动裁切图片（${corner}）`);
            handle.style.left = `${x * 100}%`;
            handle.style.top = `${y * 100}%`;
            photoHandles.append(handle);
        });
    }

    photoHandles.addEventListener("pointerdown", event => {
        const handle = event.target.closest(".photo-corner, .photo-frame");
        if (!handle || !photo || event.button > 0) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        handle.setPointerCapture(event.pointerId);
        const start = toPage(event);
        const [l0, t0, r0, b0] = photoBox(photo);
        let box = [l0, t0, r0, b0];
        const frame = photoHandles.querySelector(".photo-frame");
        const move = e => {
            const [x, y] = toPage(e);
            const [dx, dy] = [x - start[0], y - start[1]];
            const corner = handle.dataset.corner;
            box = !corner ? [l0 + dx, t0 + dy, r0 + dx, b0 + dy]
                : [corner.includes("w") ? x : l0, corner.includes("n") ? y : t0, corner.includes("e") ? x : r0, corner.includes("s") ? y : b0];
            const [l, t, r, b] = [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])];
            frame.style.cssText = `left:${l * 100}%;top:${t * 100}%;width:${(r - l) * 100}%;height:${(b - t) * 100}%`;
        };
        const up = () => {
            handle.removeEventListener("pointermove", move);
            handle.removeEventListener("pointerup", up);
            handle.removeEventListener("pointercancel", up);
            const [l, t, r, b] = [Math.min(box[0], box[2]), Math.min(box[1], box[3]), Math.max(box[0], box[2]), Math.max(box[1], box[3])].map(v => Math.min(1, Math.max(0, v)));
            if (Math.abs(l - l0) + Math.abs(t - t0) + Math.abs(r - r0) + Math.abs(b - b0) < 0.002) {
                return;
            }
            change("PUT", `${api}/images/${photo.id}`, { polygon: [[l, t], [r, t], [r, b], [l, b]] }, String(photo.article));
        };
        handle.addEventListener("pointermove", move);
        handle.addEventListener("pointerup", up);
        handle.addEventListener("pointercancel", up);
    });

    photosLayer.addEventListener("pointerdown", event => {
        const mark = event.target.closest("polygon.photo");
        if (!mark || root.classList.contains("osd") || showText || mode) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        selectPhoto(Number(mark.dataset.photo));
    });

    photoBar.addEventListener("click", event => {
        const action = event.target.closest("[data-photo-action]")?.dataset.photoAction;
        if (!action || !photo) {
            return;
        }
        if (action === "photo-news") {
            change("POST", `${api}/images/${photo.id}/photo-news`, {});
        } else if (action === "trim") {
            change("POST", `${api}/images/${photo.id}/trim`, {}, String(photo.article));
        } else if (action === "give" && selected()) {
            change("PUT", `${api}/images/${photo.id}`, { article: Number(selected()) }, selected());
        } else if (action === "delete" && window.confirm("删除这张图片？（可以撤销）")) {
            change("DELETE", `${api}/images/${photo.id}`, undefined, String(photo.article));
        }
    });

    // The article list's tools -----------------------------------------------------------------------------------------

    function showTools(id) {
        for (const li of root.querySelectorAll(".review-articles li[data-article]")) {
            const tools = li.querySelector(".article-tools");
            if (tools) {
                tools.hidden = li.dataset.article !== id;
            }
        }
    }

    function link(fragment) {
        const story = linking;
        linking = null;
        root.classList.remove("linking");
        for (const button of root.querySelectorAll("[data-article-action=link]")) {
            button.setAttribute("aria-pressed", "false");
        }
        if (fragment === story) {
            say("请点另一篇文章。", "error");
            return;
        }
        change("POST", `${api}/articles/${story}/link`, { fragment: Number(fragment) }, story);
    }

    root.addEventListener("desk:select", event => {
        const id = event.detail.id;
        if (linking && id && id !== linking) {
            link(id);
            return;
        }
        showTools(id);
        pickChanged();
        drawText();
        if (photo && selected()) {
            photoBar.querySelector("[data-photo-action=give]").disabled = selected() === String(photo.article);
        }
    });

    root.querySelector(".review-articles")?.addEventListener("click", event => {
        const button = event.target.closest("[data-article-action]");
        if (!button) {
            return;
        }
        const id = button.closest("li[data-article]").dataset.article;
        switch (button.dataset.articleAction) {
            case "up":
            case "down":
                change("POST", `${api}/articles/${id}/move`, { page: data.page, steps: button.dataset.articleAction === "up" ? -1 : 1 }, id);
                break;
            case "join-lines":
                change("POST", `${api}/articles/${id}/join-lines`, { page: data.page }, id);
                break;
            case "check":
                change("POST", `${api}/articles/${id}/checked`, {}, id);
                break;
            case "delete":
                if (window.confirm(`删除《${titleOf(id)}》？它的文字、区域和图片都会删掉（可以撤销）。`)) {
                    change("DELETE", `${api}/articles/${id}`);
                }
                break;
            case "link":
                linking = linking === id ? null : id;
                root.classList.toggle("linking", linking !== null);
                button.setAttribute("aria-pressed", String(linking !== null));
                if (linking) {
                    say(`现在点另一篇文章（版面上的区域或列表里的标题）：它会接到《${titleOf(id)}》后面。`);
                }
                break;
            default:
                break;
        }
    });

    root.querySelector(".review-articles")?.addEventListener("change", event => {
        const select = event.target.closest("select[data-article-kind]");
        if (select) {
            const id = select.closest("li[data-article]").dataset.article;
            change("POST", `${api}/articles/${id}/kind`, { kind: select.value }, id);
        }
    });

    root.addEventListener("click", event => {
        const button = event.target.closest("[data-server]");
        if (!button) {
            return;
        }
        switch (button.dataset.server) {
            case "undo":
                change("POST", `${api}/undo`, {});
                break;
            case "check-page":
                change("POST", `${api}/pages/${encodeURIComponent(data.page)}/checked`, {});
                break;
            case "yield":
                change("POST", `${api}/articles/${button.dataset.article}/yield`, { other: Number(button.dataset.other), page: data.page }, button.dataset.article);
                break;
            case "link-other": {
                const other = root.querySelector("select[data-link-other]")?.value;
                if (!selected()) {
                    say("先选一篇文章：另一版的文章会接到它后面。", "error");
                } else if (other) {
                    change("POST", `${api}/articles/${selected()}/link`, { fragment: Number(other) }, selected());
                }
                break;
            }
            default:
                break;
        }
    });

    // The doubt list ----------------------------------------------------------------------------------------------------

    root.querySelector(".doubt-list")?.addEventListener("click", event => {
        const button = event.target.closest(".doubt-go");
        if (!button) {
            return;
        }
        for (const current of root.querySelectorAll(".doubt.current")) {
            current.classList.remove("current");
        }
        button.closest(".doubt").classList.add("current");
        if (button.dataset.article) {
            editor()?.select(button.dataset.article);
        }
        if (button.dataset.kind === "UnclaimedText" && !showText) {
            setText(true);
        }
        jump(button.dataset.box?.split(",").map(Number));
    });

    // The toolbar, keys, start ------------------------------------------------------------------------------------------

    function toolbarButton(action) {
        return toolbar.querySelector(`[data-action="${action}"]`);
    }

    toolbar.addEventListener("click", event => {
        const action = event.target.closest("[data-action]")?.dataset.action;
        switch (action) {
            case "text": setText(!showText); break;
            case "new-article": setMode("new-article"); break;
            case "lasso": setMode("lasso"); break;
            case "zoom-in":
            case "zoom-out":
            case "zoom-home": zoom(action); break;
            default: break;
        }
    });

    document.addEventListener("keydown", event => {
        if (event.key === "Escape") {
            if (mode) {
                setMode(mode);
                say("已取消");
            } else if (picked.length > 0) {
                clearPick();
            } else if (photo) {
                selectPhoto(null);
            }
        }
    });

    const flash = sessionStorage.getItem(FLASH_KEY);
    if (flash) {
        sessionStorage.removeItem(FLASH_KEY);
        say(flash, "ok");
    }
    showTools(selected());
    if (sessionStorage.getItem(TEXT_KEY) === "1") {
        setText(true);
    }
    pickChanged();
    openViewer().then(opened => {
        if (!opened) {
            root.dataset.viewer = "image";
        }
    });
})();
