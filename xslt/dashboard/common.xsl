<?xml version="1.0" encoding="UTF-8"?>
<!--
  dashboard/common.xsl — what the dashboard's views share: the legend of
  the colours and the CSS.  Not a view.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">
  <xsl:import href="../widgets.xsl"/>

  <xsl:template name="legend">
    <p class="legend">
      <span class="cell green"><t:s key="dash.green"/></span>
      <span class="cell amber"><t:s key="dash.amber"/></span>
      <span class="cell red"><t:s key="dash.red"/></span>
      <span><t:s key="dash.legend_count"/></span>
    </p>
  </xsl:template>

  <xsl:template name="dash-css">
    <xsl:text>
table.matrix{border-collapse:collapse;width:100%;font-size:.9rem}
table.matrix th,table.matrix td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
table.matrix thead th{background:var(--bg)}
td.cell{text-align:center;white-space:nowrap;font-variant-numeric:tabular-nums}
.cell.green{background:var(--okbg)}
.cell.green a{color:var(--ok)}
.cell.amber{background:var(--warnbg)}
.cell.amber a{color:var(--warn)}
.cell.red{background:var(--badbg)}
.cell.red a{color:var(--bad);font-weight:700}
.legend{display:flex;gap:.75rem;flex-wrap:wrap;font-size:.85rem}
.legend .cell{padding:0 .4rem;border-radius:3px}
.snapshot{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.snapshot form{margin:0}
.help{color:var(--muted);font-size:.9rem;max-width:60rem}
.muted{color:var(--muted)}
@media print{.top,.foot,.actions,.snapshot form,.pager{display:none}}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
