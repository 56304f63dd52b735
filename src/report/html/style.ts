/**
 * The report's one stylesheet, inline (allowed by its hash in the Content-Security-Policy): light
 * and dark schemes from the reader's setting, a phone layout, and a print layout without
 * controls. Colours meet WCAG AA contrast in both schemes.
 */
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--link:#0550ae;
--critical:#8a1a7e;--high:#a40e26;--medium:#7d4e00;--low:#0550ae;--info:#57606a;
--ok:#116329;--ok-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff8c5;--bad:#a40e26;--bad-bg:#ffebe9;--unk:#6639ba;--unk-bg:#fbefff;--none-bg:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--panel:#151b23;--link:#4493f8;
--critical:#f778ba;--high:#ff8182;--medium:#e3b341;--low:#79c0ff;--info:#9198a1;
--ok:#56d364;--ok-bg:#12261e;--warn:#e3b341;--warn-bg:#272115;--bad:#ff8182;--bad-bg:#2d1418;--unk:#d2a8ff;--unk-bg:#221a33;--none-bg:#151b23}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:16px 20px 48px}
a{color:var(--link)}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.3rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
h3{font-size:1.08rem;margin:1.2em 0 .4em}
h4{font-size:1rem;margin:.8em 0 .3em}
p,li,td,th,dd,dt,summary,code,pre,h1,h2,h3,h4,label,div{overflow-wrap:anywhere}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86rem}
pre{margin:.3em 0;padding:.5em .7em;background:var(--panel);border:1px solid var(--line);border-radius:6px;white-space:pre-wrap}
.muted{color:var(--muted)}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.6em 0}
.meta dt{color:var(--muted)}.meta dd{margin:0}
nav.toc ol{display:flex;flex-wrap:wrap;gap:.3em 1.2em;padding:0;margin:.6em 0;list-style:none}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:.6em .8em;background:var(--panel)}
.card .figure{font-size:1.5rem;font-weight:600;display:block}
.sev{font-weight:600;text-transform:uppercase;font-size:.78rem;letter-spacing:.03em}
.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}.sev-info{color:var(--info)}
.badge{display:inline-block;border-radius:10px;padding:0 .55em;font-size:.78rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.b-ok{color:var(--ok);background:var(--ok-bg)}.b-bad{color:var(--bad);background:var(--bad-bg)}.b-warn{color:var(--warn);background:var(--warn-bg)}.b-unk{color:var(--unk);background:var(--unk-bg)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.4em 0}
th,td{border:1px solid var(--line);padding:.25em .5em;text-align:left;vertical-align:top}
th{background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;overflow-wrap:normal;white-space:nowrap}
table.wide{width:100%}
td:first-child>code,td:first-child>a>code,.nw{overflow-wrap:normal;white-space:nowrap}
table.matrix td.cell{text-align:center;white-space:nowrap;padding:0}
table.matrix td.cell a{display:block;padding:.25em .5em;text-decoration:none;color:inherit}
table.matrix thead th{min-width:6.5em}table.matrix th:first-child{min-width:16em}table.matrix tbody th{font-weight:normal}
table.by-rule{table-layout:fixed;min-width:56em}table.by-rule th:first-child{width:19em}table.by-rule th.num{width:8.5em}
.o-unaffected{background:var(--ok-bg);color:var(--ok)}.o-survives,.o-fails-over{background:var(--ok-bg);color:var(--ok)}
.o-degraded{background:var(--warn-bg);color:var(--warn)}.o-down,.o-needs-action{background:var(--bad-bg);color:var(--bad)}
.o-unknown{background:var(--unk-bg);color:var(--unk)}.o-none{background:var(--none-bg);color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:.4em 1em;margin:.4em 0;padding:0;list-style:none}
.legend.outcome-key{display:grid;grid-template-columns:repeat(auto-fill,minmax(22em,1fr))}
caption{text-align:left}
.legend li span{display:inline-block;min-width:3.2em;text-align:center;border-radius:4px;margin-right:.3em;padding:0 .3em}
article.ep{border:1px solid var(--line);border-radius:8px;padding:.2em .9em .6em;margin:.8em 0}
article.ep:target,li:target,section.rule:target{outline:3px solid var(--link);outline-offset:2px}
ul.outcomes,ul.subjects{padding:0;list-style:none;margin:.4em 0}
ul.outcomes li{margin:.15em 0;padding:.05em .6em;border-left:4px solid var(--line)}
ul.outcomes li.o-unaffected{color:var(--muted);background:none}
ul.outcomes li.o-survives,ul.outcomes li.o-fails-over{color:var(--fg);background:none;border-left-color:var(--ok)}
ul.outcomes li.o-degraded{color:var(--fg);border-left-color:var(--warn)}ul.outcomes li.o-down,ul.outcomes li.o-needs-action{color:var(--fg);border-left-color:var(--bad)}
ul.outcomes li.o-unknown{color:var(--fg);border-left-color:var(--unk)}
li.subject{margin:.7em 0}
.drawing{overflow-x:auto;margin:.4em 0}
svg.paths{max-width:none;font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
@media (min-width:641px){svg.paths{max-width:100%;height:auto}}
svg.paths text{fill:var(--fg)}svg.paths text.strong{font-weight:600}
svg.paths .node rect{fill:var(--bg);stroke:var(--muted);stroke-width:1}
svg.paths .node.record rect{stroke-dasharray:0}svg.paths .node.outside rect{stroke-dasharray:4 3;fill:var(--panel)}
svg.paths .zone rect{stroke:currentColor;stroke-width:1.5}
svg.paths .zone.o-unaffected rect,svg.paths .zone.o-survives rect{fill:var(--ok-bg)}svg.paths .zone.o-degraded rect{fill:var(--warn-bg)}
svg.paths .zone.o-down rect{fill:var(--bad-bg)}svg.paths .zone.o-unknown rect{fill:var(--unk-bg)}svg.paths .zone.o-none rect{fill:var(--none-bg)}
svg.paths .zone text{fill:currentColor;font-weight:600}
svg.paths .edge{fill:none;stroke:var(--muted);stroke-width:1.4}svg.paths .edge.standby{stroke-dasharray:5 4}
svg.defs{position:absolute}#arrow path{fill:var(--muted)}
svg.chart{width:100%;max-width:640px;height:auto;font:11px system-ui,sans-serif}
svg.chart .grid{stroke:var(--line)}svg.chart .axis{fill:var(--muted)}
svg.chart .line{fill:none;stroke-width:2;stroke:currentColor}svg.chart .mark{fill:currentColor}
.s-critical{color:var(--critical)}.s-high{color:var(--high)}.s-medium{color:var(--medium)}.s-low{color:var(--low)}.s-info{color:var(--info)}.s-ok{color:var(--ok)}.s-total{color:var(--muted)}
.swatch{display:inline-block;width:1.6em;height:3px;background:currentColor;vertical-align:middle;margin-right:.35em}
figure{margin:.6em 0}figcaption{font-weight:600;margin-bottom:.2em}
section.rule{border-top:1px solid var(--line);padding-top:.2em;margin-top:.8em}
ul.findings{list-style:none;padding:0;margin:.3em 0}
li.finding{border-left:4px solid var(--line);padding:.35em .7em;margin:.5em 0;background:var(--panel);border-radius:0 6px 6px 0}
#sev-critical li.finding,#sev-high li.finding{border-left-color:var(--high)}#sev-medium li.finding{border-left-color:var(--medium)}#sev-low li.finding{border-left-color:var(--low)}
html:not(.js) .copy{display:none}
.warning{border:1px solid var(--warn);background:var(--warn-bg);color:var(--fg);border-radius:6px;padding:.3em .6em;margin:.3em 0}
.cmd{position:relative}
.cmd pre{padding-right:5em}
.copy{position:absolute;top:.35em;right:.35em;font:inherit;font-size:.8rem;padding:.1em .6em;border:1px solid var(--line);border-radius:5px;background:var(--bg);color:var(--fg);cursor:pointer}
.filters{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;padding:.5em .7em;border:1px solid var(--line);border-radius:8px;margin:.5em 0;background:var(--panel)}
.filters label{white-space:nowrap}
.filters input[type=search]{font:inherit;padding:.15em .4em;min-width:14em;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}
[hidden]{display:none!important}
.offscreen{position:fixed;left:-9999px;top:0}
details>summary{cursor:pointer}
li.finding,section.practice,article.ep{content-visibility:auto;contain-intrinsic-size:auto 180px}
@media (max-width:640px){main{padding:10px}body{font-size:14px}.meta{grid-template-columns:1fr}.meta dt{margin-top:.3em}h1{font-size:1.3rem}.cards{grid-template-columns:1fr 1fr}}
@media print{a.doc::after{content:" <" attr(href) ">";font-size:.8em;color:#444;overflow-wrap:anywhere}
:root{--bg:#fff;--fg:#000;--panel:#fff;--link:#000}body{font-size:11pt}main{max-width:none;padding:0}
.copy,.filters,nav.toc{display:none!important}a{text-decoration:none}pre{white-space:pre-wrap;border-color:#999}
li.finding,article.ep,tr{break-inside:avoid}svg.paths{max-width:100%;height:auto}h2{break-after:avoid}li.finding,section.practice,article.ep{content-visibility:visible}
.o-unaffected,.o-survives,.o-degraded,.o-down,.o-unknown,.badge{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;
