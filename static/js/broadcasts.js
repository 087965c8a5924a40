// Broadcast states on an open page: "Kommande" moves on to "Börjar om N minuter", "Sänds nu" and
// "Sändningen är slut, inspelningen kommer" at their moments, computed from the block's data
// attributes by the same rules as events/broadcasts.py. Without this script a reload shows the same,
// because no cached copy of the page outlives those moments. The words come from the block's
// data-label-* attributes, written by the server in the page's language.

const MINUTE = 60 * 1000;
// setTimeout takes at most a 32-bit number of milliseconds (about 24 days); further off, look again then.
const LONGEST_WAIT = 2 ** 31 - 1;

function soonText(block, minutes) {
    if (minutes === 1) return block.dataset.labelSoonOne;
    return block.dataset.labelSoonMany.replace("{n}", String(minutes));
}

function stateAt(block, now) {
    const start = Date.parse(block.dataset.start);
    const liveUntil = Date.parse(block.dataset.liveUntil);
    const soonFrom = start - Number(block.dataset.soonMinutes) * MINUTE;
    if (now >= liveUntil) {
        return { state: "ended", label: block.dataset.labelEnded, next: null };
    }
    if (now < soonFrom) return { state: "planned", label: null, next: soonFrom };
    if (now < start) {
        const left = Math.ceil((start - now) / MINUTE);
        return { state: "soon", label: soonText(block, left), next: start - (left - 1) * MINUTE };
    }
    return { state: "live", label: block.dataset.labelLive, next: liveUntil };
}

function render(block) {
    const { state, label, next } = stateAt(block, Date.now());
    const labelElement = block.querySelector(".broadcast__label");
    // A planned block keeps the words the server gave it ("Kommande: 9 mars 2027 kl. 09.00–09.45").
    if (label && labelElement && labelElement.textContent !== label) labelElement.textContent = label;
    block.querySelectorAll("[data-broadcast-join]").forEach((element) => {
        element.hidden = state !== "live";
    });
    if (state === "ended" && block.parentElement) {
        // Joining and adding to a calendar are over with the broadcast.
        block.parentElement.querySelectorAll("[data-broadcast-before-end]").forEach((element) => {
            element.hidden = true;
        });
    }
    block.classList.remove(`broadcast--${block.dataset.broadcast}`);
    block.classList.add(`broadcast--${state}`);
    block.dataset.broadcast = state;
    window.clearTimeout(Number(block.dataset.broadcastTimer || 0));
    if (next !== null) {
        // A timer may fire a little early: render() then finds the same state and waits again.
        const wait = Math.min(Math.max(next - Date.now(), 0), LONGEST_WAIT);
        block.dataset.broadcastTimer = String(window.setTimeout(() => render(block), wait));
    }
}

const blocks = document.querySelectorAll(".broadcast[data-start][data-live-until]");
blocks.forEach(render);
// Background tabs may hold timers back: look again when the visitor returns.
document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") blocks.forEach(render);
});
