// The desk's hotspot editor: select an article, move, add and delete the vertices of its regions, draw new
// regions, delete them, and save an article's regions on this page in one PUT. Coordinates are the page's
// normalised 0..1, as stored; nothing is sent until "保存区域". The sheet may sit in the deep-zoom viewer
// (desk-page.js moves it there): everything is measured against the sheet's box on the screen, so zooming
// changes nothing here. desk-page.js reaches this editor through root.deskReview.
(() => {
    "use strict";

    const root = document.querySelector("[data-review]");
    if (!root) {
        return;
    }

    const sheet = root.querySelector(".review-sheet");
    const svg = sheet.querySelector("svg.review-regions");
    const handles = sheet.querySelector(".review-handles");
    const labels = sheet.querySelector(".review-labels");
    const toolbar = root.querySelector(".review-toolbar");
    const status = root.querySelector(".review-status");
    const selectedLabel = root.querySelector(".review-selected");
    const items = new Map([...root.querySelectorAll(".review-articles li[data-article]")].map(li => [li.dataset.article, li]));
    const pageLabel = root.dataset.page;
    const token = document.querySelector("meta[name=request-verification-token]")?.content ?? "";
    const SVG = "http://www.w3.org/2000/svg";
    const MIN_POINTS = 3;
    const EDGE_PX = 12;
    const DRAG_PX = 6;

    /** @type {Map<string, number[][][]>} article id → polygons → points [x, y] */
    let saved = new Map();
    for (const id of items.keys()) {
        saved.set(id, []);
    }
    for (const polygon of svg.querySelectorAll("polygon[data-article]")) {
        saved.get(polygon.dataset.article)?.push(parsePoints(polygon.getAttribute("points")));
    }

    let regions = clone(saved);
    const dirty = new Set();
    const history = [];
    let selected = null;
    let region = -1;
    let vertex = -1;
    let drawing = null;
    let saving = false;

    function parsePoints(text) {
        return text.trim().split(/\s+/).map(pair => pair.split(",").map(Number));
    }

    function clone(map) {
        return new Map([...map].map(([id, polygons]) => [id, polygons.map(p => p.map(([x, y]) => [x, y]))]));
    }

    function round(value) {
        return Math.round(value * 100000) / 100000;
    }

    function clamp(value) {
        return Math.min(1, Math.max(0, value));
    }

    function pointsText(points) {
        return points.map(([x, y]) => `${round(x)},${round(y)}`).join(" ");
    }

    function toPage(event) {
        const box = sheet.getBoundingClientRect();
        return [clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)];
    }

    function pixels() {
        const box = sheet.getBoundingClientRect();
        return [box.width, box.height];
    }

    function remember() {
        history.push({ regions: clone(regions), dirty: new Set(dirty) });
        if (history.length > 200) {
            history.shift();
        }
    }

    function changed(id) {
        dirty.add(id);
        say(`有未保存的修改（${dirty.size} 篇文章）`);
    }

    function say(text, kind) {
        status.textContent = text;
        status.dataset.kind = kind ?? "";
    }

    function title(id) {
        return items.get(id)?.querySelector(".title")?.textContent ?? "";
    }

    function colour(id) {
        return items.get(id)?.dataset.colour ?? "0";
    }

    // Drawing ------------------------------------------------------------------------------------------------

    function render() {
        svg.replaceChildren();
        for (const [id, polygons] of regions) {
            polygons.forEach((points, index) => {
                const polygon = document.createElementNS(SVG, "polygon");
                polygon.setAttribute("points", pointsText(points));
                polygon.dataset.article = id;
                polygon.dataset.index = String(index);
                polygon.classList.add(`c${colour(id)}`);
                if (id === selected) {
                    polygon.classList.add("selected");
                    if (index === region) {
                        polygon.classList.add("current");
                    }
                }
                svg.append(polygon);
            });
        }

        if (drawing) {
            const line = document.createElementNS(SVG, drawing.rectangle ? "polygon" : "polyline");
            const points = drawing.rectangle ? rectangle(drawing.start, drawing.end) : drawing.points;
            line.setAttribute("points", pointsText(points));
            line.classList.add("drawing");
            svg.append(line);
        }

        renderHandles();
        renderList();
        renderLabels();
        renderToolbar();
    }

    /**
     * Each article's number and headline at the top-left of its topmost region, as the server first draws them:
     * kept with the regions as they are edited, so a region drawn for an article that had none is labelled at once
     * (and stays labelled after saving) and an article whose last region is deleted loses its label.
     */
    function renderLabels() {
        for (const [id, polygons] of regions) {
            let label = labels.querySelector(`.region-label[data-article="${CSS.escape(id)}"]`);
            if (polygons.length === 0) {
                label?.remove();
                continue;
            }
            const [x, y] = polygons.map(points => [Math.min(...points.map(p => p[0])), Math.min(...points.map(p => p[1]))])
                .sort((a, b) => a[1] - b[1] || a[0] - b[0])[0];
            if (!label) {
                const li = items.get(id);
                label = document.createElement("button");
                label.type = "button";
                label.className = `region-label c${colour(id)}`;
                label.dataset.article = id;
                label.title = title(id);
                const number = document.createElement("b");
                number.textContent = li?.querySelector(".number")?.textContent?.trim() ?? "";
                const name = document.createElement("span");
                name.textContent = title(id);
                label.append(number, name);
                labels.append(label);
            }
            label.style.left = `${x * 100}%`;
            label.style.top = `${y * 100}%`;
        }
    }

    function renderHandles() {
        const focused = document.activeElement?.classList.contains("vertex");
        handles.replaceChildren();
        if (selected === null) {
            return;
        }

        regions.get(selected).forEach((points, r) => {
            points.forEach(([x, y], v) => {
                const handle = document.createElement("button");
                handle.type = "button";
                handle.className = "vertex";
                handle.dataset.region = String(r);
                handle.dataset.vertex = String(v);
                handle.style.left = `${x * 100}%`;
                handle.style.top = `${y * 100}%`;
                handle.setAttribute("aria-label", `区域 ${r + 1} 顶点 ${v + 1}`);
                if (r === region && v === vertex) {
                    handle.classList.add("active");
                    handle.setAttribute("aria-pressed", "true");
                }
                handles.append(handle);
            });
        });

        if (focused) {
            handles.querySelector(".vertex.active")?.focus();
        }
    }

    function renderList() {
        for (const [id, li] of items) {
            const pick = li.querySelector(".pick");
            pick.setAttribute("aria-pressed", String(id === selected));
            li.classList.toggle("selected", id === selected);
            li.classList.toggle("dirty", dirty.has(id));
            const count = li.querySelector(".regions-count");
            if (count) {
                count.textContent = `${regions.get(id).length} 个区域`;
            }
        }
    }

    function renderToolbar() {
        const polygons = selected === null ? [] : regions.get(selected);
        selectedLabel.textContent = selected === null
            ? "先在右侧列表或版面上选一篇文章"
            : `选中：${title(selected)}（本版 ${polygons.length} 个区域）`;
        button("draw").disabled = selected === null;
        button("draw").setAttribute("aria-pressed", String(drawing !== null));
        button("add-vertex").disabled = !(region >= 0 && vertex >= 0);
        button("delete-vertex").disabled = !(region >= 0 && vertex >= 0 && polygons[region]?.length > MIN_POINTS);
        button("delete-region").disabled = !(region >= 0 && polygons[region]);
        button("undo").disabled = history.length === 0;
        button("discard").disabled = dirty.size === 0;
        button("save").disabled = dirty.size === 0 || saving;
    }

    function button(action) {
        return toolbar.querySelector(`[data-action="${action}"]`);
    }

    // Selection ----------------------------------------------------------------------------------------------

    function select(id, r = -1, v = -1) {
        if (drawing && id !== selected) {
            stopDrawing();
        }
        selected = id;
        region = r;
        vertex = v;
        render();
        root.dispatchEvent(new CustomEvent("desk:select", { detail: { id } }));
        if (id !== null && regions.get(id).length === 0 && !drawing) {
            say("这篇文章在本版还没有区域：按“画新区域”在版面上画出它。");
        }
    }

    for (const [id, li] of items) {
        li.querySelector(".pick").addEventListener("click", () => {
            select(id, regions.get(id).length > 0 ? 0 : -1);
        });
    }

    /**
     * Scrolls the side column (not the window) to show an article's item: scrollIntoView also scrolled the window,
     * which took the page's title and toolbar off the top whenever an article was selected from a doubt or the page.
     */
    function reveal(item) {
        const side = item?.closest(".review-side");
        if (!side || side.scrollHeight <= side.clientHeight) {
            // A narrow window stacks the column under the page and scrolls as a whole.
            item?.scrollIntoView({ block: "nearest" });
            return;
        }
        const box = item.getBoundingClientRect();
        const view = side.getBoundingClientRect();
        const bottom = Math.min(view.bottom, window.innerHeight);
        if (box.top < view.top) {
            side.scrollTop -= view.top - box.top + 8;
        } else if (box.bottom > bottom) {
            side.scrollTop += Math.min(box.bottom - bottom + 8, box.top - view.top - 8);
        }
    }

    /** Selects the article whose region is <polygon>, keeping the vertex when it is the current region. */
    function pickRegion(polygon) {
        const index = Number(polygon.dataset.index);
        select(polygon.dataset.article, index, polygon.dataset.article === selected && index === region ? vertex : -1);
        reveal(items.get(selected));
    }

    // In the deep-zoom viewer a press on a region may start a pan: the viewer reports a click instead (pickAt).
    svg.addEventListener("pointerdown", event => {
        const polygon = event.target.closest("polygon[data-article]");
        if (drawing || !polygon || root.classList.contains("osd")) {
            return;
        }
        event.preventDefault();
        pickRegion(polygon);
    });

    // On the labels' layer, so a label made for a region drawn here works as the server's do.
    labels.addEventListener("pointerdown", event => {
        if (event.target.closest(".region-label[data-article]")) {
            event.stopPropagation();
        }
    });
    labels.addEventListener("click", event => {
        const id = event.target.closest(".region-label[data-article]")?.dataset.article;
        if (id !== undefined) {
            select(id, regions.get(id)?.length > 0 ? 0 : -1);
            reveal(items.get(id));
        }
    });

    // Vertices -----------------------------------------------------------------------------------------------

    handles.addEventListener("pointerdown", event => {
        const handle = event.target.closest(".vertex");
        if (!handle || drawing || event.button > 0) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        const r = Number(handle.dataset.region);
        const v = Number(handle.dataset.vertex);
        region = r;
        vertex = v;
        for (const other of handles.querySelectorAll(".vertex.active")) {
            other.classList.remove("active");
            other.removeAttribute("aria-pressed");
        }
        handle.classList.add("active");
        handle.setAttribute("aria-pressed", "true");
        handle.focus({ preventScroll: true });
        handle.setPointerCapture(event.pointerId);
        const before = { regions: clone(regions), dirty: new Set(dirty) };
        let moved = false;
        const polygon = svg.querySelector(`polygon[data-article="${CSS.escape(selected)}"][data-index="${r}"]`);

        const move = e => {
            const point = toPage(e);
            regions.get(selected)[r][v] = point;
            handle.style.left = `${point[0] * 100}%`;
            handle.style.top = `${point[1] * 100}%`;
            polygon?.setAttribute("points", pointsText(regions.get(selected)[r]));
            moved = true;
        };
        const end = () => {
            handle.removeEventListener("pointermove", move);
            handle.removeEventListener("pointerup", end);
            handle.removeEventListener("pointercancel", end);
            if (moved) {
                history.push(before);
                changed(selected);
            }
            render();
        };
        handle.addEventListener("pointermove", move);
        handle.addEventListener("pointerup", end);
        handle.addEventListener("pointercancel", end);
        renderToolbar();
    });

    handles.addEventListener("keydown", event => {
        const handle = event.target.closest(".vertex");
        if (!handle) {
            return;
        }
        const r = Number(handle.dataset.region);
        const v = Number(handle.dataset.vertex);
        const steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
        if (steps) {
            event.preventDefault();
            const [width, height] = pixels();
            const factor = event.shiftKey ? 10 : 1;
            remember();
            const point = regions.get(selected)[r][v];
            regions.get(selected)[r][v] = [clamp(point[0] + (steps[0] * factor / width)), clamp(point[1] + (steps[1] * factor / height))];
            region = r;
            vertex = v;
            changed(selected);
            render();
        }
    });

    handles.addEventListener("focusin", event => {
        const handle = event.target.closest(".vertex");
        if (handle && (Number(handle.dataset.region) !== region || Number(handle.dataset.vertex) !== vertex)) {
            region = Number(handle.dataset.region);
            vertex = Number(handle.dataset.vertex);
            render();
        }
    });

    function deleteVertex() {
        const points = regions.get(selected)?.[region];
        if (!points || vertex < 0) {
            return;
        }
        if (points.length <= MIN_POINTS) {
            say(`区域至少要有 ${MIN_POINTS} 个顶点；要去掉整个区域，请按“删区域”。`, "error");
            return;
        }
        remember();
        points.splice(vertex, 1);
        vertex = Math.min(vertex, points.length - 1);
        changed(selected);
        render();
    }

    function addVertexAfterSelected() {
        const points = regions.get(selected)?.[region];
        if (!points || vertex < 0) {
            return;
        }
        const a = points[vertex];
        const b = points[(vertex + 1) % points.length];
        remember();
        points.splice(vertex + 1, 0, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
        vertex += 1;
        changed(selected);
        render();
    }

    /** The selected article's edge nearest to a point, in screen pixels: [region, index to insert at, distance]. */
    function nearestEdge(point) {
        const [width, height] = pixels();
        let best = null;
        regions.get(selected).forEach((points, r) => {
            points.forEach((a, i) => {
                const b = points[(i + 1) % points.length];
                const [ax, ay, bx, by, px, py] = [a[0] * width, a[1] * height, b[0] * width, b[1] * height, point[0] * width, point[1] * height];
                const dx = bx - ax;
                const dy = by - ay;
                const length = (dx * dx) + (dy * dy);
                const t = length === 0 ? 0 : Math.min(1, Math.max(0, (((px - ax) * dx) + ((py - ay) * dy)) / length));
                const distance = Math.hypot(ax + (t * dx) - px, ay + (t * dy) - py);
                if (!best || distance < best[2]) {
                    best = [r, i + 1, distance];
                }
            });
        });
        return best;
    }

    sheet.addEventListener("dblclick", event => {
        if (drawing) {
            event.preventDefault();
            finishDrawing();
            return;
        }
        if (selected === null || event.target.closest(".vertex")) {
            return;
        }
        const point = toPage(event);
        const edge = nearestEdge(point);
        if (!edge || edge[2] > EDGE_PX) {
            return;
        }
        event.preventDefault();
        remember();
        regions.get(selected)[edge[0]].splice(edge[1], 0, point);
        region = edge[0];
        vertex = edge[1];
        changed(selected);
        render();
    });

    // New regions --------------------------------------------------------------------------------------------

    function rectangle([x1, y1], [x2, y2]) {
        return [[Math.min(x1, x2), Math.min(y1, y2)], [Math.max(x1, x2), Math.min(y1, y2)], [Math.max(x1, x2), Math.max(y1, y2)], [Math.min(x1, x2), Math.max(y1, y2)]];
    }

    function startDrawing() {
        if (selected === null) {
            return;
        }
        drawing = { points: [], rectangle: false };
        sheet.classList.add("drawing");
        say("逐点单击画出区域，回车或双击结束，Esc 取消；按住拖动可直接画矩形。");
        render();
    }

    function stopDrawing() {
        drawing = null;
        sheet.classList.remove("drawing");
    }

    function addRegion(points) {
        remember();
        regions.get(selected).push(points);
        region = regions.get(selected).length - 1;
        vertex = -1;
        changed(selected);
    }

    function finishDrawing() {
        if (!drawing) {
            return;
        }
        const [width, height] = pixels();
        // A double-click adds its own two clicks at the closing point; keep one of them.
        const points = drawing.points.filter((p, i, all) =>
            i === 0 || Math.hypot((p[0] - all[i - 1][0]) * width, (p[1] - all[i - 1][1]) * height) > 3);
        stopDrawing();
        if (points.length >= MIN_POINTS) {
            addRegion(points);
        } else {
            say(`区域至少要有 ${MIN_POINTS} 个点，没有画上。`, "error");
        }
        render();
    }

    sheet.addEventListener("pointerdown", event => {
        if (!drawing || event.button > 0) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        sheet.setPointerCapture(event.pointerId);
        const start = toPage(event);
        const [width, height] = pixels();
        const move = e => {
            const point = toPage(e);
            if (!drawing.rectangle && drawing.points.length === 0
                && Math.hypot((point[0] - start[0]) * width, (point[1] - start[1]) * height) > DRAG_PX) {
                drawing.rectangle = true;
                drawing.start = start;
            }
            if (drawing.rectangle) {
                drawing.end = point;
                render();
            }
        };
        const end = e => {
            sheet.removeEventListener("pointermove", move);
            sheet.removeEventListener("pointerup", end);
            sheet.removeEventListener("pointercancel", end);
            if (!drawing) {
                return;
            }
            if (drawing.rectangle) {
                const points = rectangle(drawing.start, toPage(e));
                stopDrawing();
                const [[x1, y1], , [x2, y2]] = points;
                if ((x2 - x1) * width > DRAG_PX && (y2 - y1) * height > DRAG_PX) {
                    addRegion(points);
                }
            } else if (e.type === "pointerup") {
                drawing.points.push(start);
            }
            render();
        };
        sheet.addEventListener("pointermove", move);
        sheet.addEventListener("pointerup", end);
        sheet.addEventListener("pointercancel", end);
    });

    function deleteRegion() {
        if (selected === null || region < 0) {
            return;
        }
        remember();
        regions.get(selected).splice(region, 1);
        region = regions.get(selected).length > 0 ? 0 : -1;
        vertex = -1;
        changed(selected);
        render();
    }

    // Undo, discard, save ------------------------------------------------------------------------------------

    function undo() {
        const last = history.pop();
        if (!last) {
            return;
        }
        regions = last.regions;
        dirty.clear();
        for (const id of last.dirty) {
            dirty.add(id);
        }
        const count = selected === null ? 0 : regions.get(selected).length;
        region = Math.min(region, count - 1);
        vertex = -1;
        say(dirty.size > 0 ? `已撤销；还有未保存的修改（${dirty.size} 篇文章）` : "已撤销");
        render();
    }

    function discard() {
        if (dirty.size === 0 || !window.confirm("放弃所有未保存的区域修改？")) {
            return;
        }
        regions = clone(saved);
        dirty.clear();
        history.length = 0;
        stopDrawing();
        region = selected !== null && regions.get(selected).length > 0 ? 0 : -1;
        vertex = -1;
        say("已恢复到上次保存的区域");
        render();
    }

    async function save() {
        if (dirty.size === 0 || saving) {
            return;
        }
        saving = true;
        renderToolbar();
        say("正在保存…");
        const failed = [];
        for (const id of [...dirty]) {
            try {
                const response = await fetch(items.get(id).dataset.regionsUrl, {
                    method: "PUT",
                    headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
                    credentials: "same-origin",
                    body: JSON.stringify({ pages: [{ page: pageLabel, polygons: regions.get(id), version: items.get(id).dataset.regionsVersion }] }),
                });
                if (!response.ok) {
                    failed.push(`${title(id)}：${await problem(response)}`);
                    continue;
                }
                const body = await response.json();
                const page = body.pages.find(p => p.page === pageLabel);
                saved.set(id, page ? page.polygons : []);
                if (page) {
                    items.get(id).dataset.regionsVersion = page.version;
                }
                regions.set(id, saved.get(id).map(p => p.map(([x, y]) => [x, y])));
                dirty.delete(id);
                const li = items.get(id);
                const flag = li.querySelector(".flag");
                if (flag && saved.get(id).length > 0) {
                    // The article has a region now: its count takes the flag's place.
                    const count = document.createElement("span");
                    count.className = "muted regions-count";
                    flag.replaceWith(count);
                    li.classList.remove("unplaced");
                }
            } catch {
                failed.push(`${title(id)}：网络错误`);
            }
        }
        saving = false;
        if (failed.length > 0) {
            say(`没有保存：${failed.join("；")}`, "error");
        } else {
            history.length = 0;
            say(root.dataset.published === "true" ? "已保存，读者页面已更新" : "已保存（这一期还没发布，读者还看不到）", "ok");
        }
        render();
    }

    async function problem(response) {
        if (response.status === 403) {
            return "没有权限";
        }
        if (response.status === 401) {
            return "登录已过期，请重新登录";
        }
        try {
            const body = await response.json();
            const errors = body.errors ? Object.values(body.errors).flat().join(" ") : "";
            return errors || body.detail || body.title || `错误 ${response.status}`;
        } catch {
            return `错误 ${response.status}`;
        }
    }

    // Wiring -------------------------------------------------------------------------------------------------

    toolbar.addEventListener("click", event => {
        const action = event.target.closest("[data-action]")?.dataset.action;
        switch (action) {
            case "draw":
                if (drawing) {
                    stopDrawing();
                    render();
                } else {
                    startDrawing();
                }
                break;
            case "add-vertex": addVertexAfterSelected(); break;
            case "delete-vertex": deleteVertex(); break;
            case "delete-region": deleteRegion(); break;
            case "undo": undo(); break;
            case "discard": discard(); break;
            case "save": save(); break;
            default: break;
        }
    });

    document.addEventListener("keydown", event => {
        if (event.target.closest("input, textarea, select")) {
            return;
        }
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
            event.preventDefault();
            undo();
        } else if (drawing && event.key === "Enter") {
            event.preventDefault();
            finishDrawing();
        } else if (drawing && event.key === "Escape") {
            stopDrawing();
            say("已取消画区域");
            render();
        } else if ((event.key === "Delete" || event.key === "Backspace") && vertex >= 0 && !event.target.closest("button:not(.vertex)")) {
            event.preventDefault();
            deleteVertex();
        } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
            event.preventDefault();
            save();
        }
    });

    window.addEventListener("beforeunload", event => {
        if (dirty.size > 0) {
            event.preventDefault();
        }
    });

    root.deskReview = {
        select(id) {
            select(id, id !== null && regions.get(id)?.length > 0 ? 0 : -1);
            reveal(items.get(id));
        },
        selected: () => selected,
        title,
        say,
        dirty: () => dirty.size > 0,
        drawing: () => drawing !== null,
        pickRegion,
    };

    toolbar.hidden = false;
    selectedLabel.hidden = false;
    root.classList.add("editing");
    const preselected = [...items.values()].find(li => li.dataset.selected === "true");
    if (preselected) {
        select(preselected.dataset.article, regions.get(preselected.dataset.article).length > 0 ? 0 : -1);
        reveal(preselected);
    } else {
        render();
    }
})();
