// Every desk page: a form marked data-confirm asks before it is sent (publish, withdraw, merge), and a form
// marked data-unsaved warns before the page is left with its changes unsaved.
(() => {
    "use strict";

    document.addEventListener("submit", event => {
        const form = event.target.closest("form[data-confirm]");
        if (form && !window.confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });

    const watched = [...document.querySelectorAll("form[data-unsaved]")];
    if (watched.length === 0) {
        return;
    }

    const snapshot = form => new URLSearchParams(new FormData(form)).toString();
    const loaded = new Map(watched.map(form => [form, snapshot(form)]));
    let leaving = false;
    for (const form of watched) {
        form.addEventListener("submit", () => { leaving = true; });
        form.addEventListener("input", () => {
            form.classList.toggle("unsaved", snapshot(form) !== loaded.get(form));
        });
    }

    window.addEventListener("beforeunload", event => {
        if (!leaving && watched.some(form => snapshot(form) !== loaded.get(form))) {
            event.preventDefault();
        }
    });
})();
