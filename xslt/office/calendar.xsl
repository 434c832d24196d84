<?xml version="1.0" encoding="UTF-8"?>
<!-- office/calendar.xsl — the working-day calendar (calendar.c): <calendar year holidays? workdays? preview?/>,
     <months> (12 months of weeks from Monday), <preview>? <form>? (the load to confirm), <errors>? (bad rows). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.calendar"/><xsl:text> </xsl:text><xsl:value-of select="/page/data/calendar/@year"/></xsl:template>
  <xsl:template name="css-extra">
    .months { display: flex; flex-wrap: wrap; gap: 1rem; }
    .months table { border-collapse: collapse; font-size: .85rem; }
    .months caption { font-weight: bold; text-align: left; }
    .months td, .months th { width: 2.2em; height: 2em; text-align: center; border: 1px solid #ddd; padding: 0; }
    .months td.holiday { background: #fde2e2; color: #a40000; font-weight: bold; }
    .months td.workday { background: #dcecff; color: #003a8c; font-weight: bold; }
    .months td.weekend { background: #f3f3f3; color: #777; }
    .legend span { display: inline-block; padding: 0 .5em; margin-right: .5em; border: 1px solid #ddd; }
    .legend .holiday { background: #fde2e2; } .legend .workday { background: #dcecff; } .legend .weekend { background: #f3f3f3; }
    @media print { .noprint { display: none; } .months { gap: .4rem; } }
  </xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="year" select="calendar/@year"/>
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.calendar"/><xsl:text> </xsl:text><xsl:value-of select="$year"/></h1>
    <p class="help"><t:s key="help.office/calendar"/></p>
    <xsl:if test="@done = 'loaded'">
      <p class="notice ok" role="status"><t:s key="office.cal_loaded"/></p>
    </xsl:if>
    <p class="noprint">
      <a href="/office/calendar?year={$year - 1}"><t:s key="office.cal_prev"/></a>
      <xsl:text> · </xsl:text>
      <a href="/office/calendar?year={$year + 1}"><t:s key="office.cal_next"/></a>
    </p>
    <xsl:if test="errors">
      <div class="notice bad" role="alert">
        <p><t:s key="office.cal_bad_rows"><t:arg name="n"><xsl:value-of select="errors/@count"/></t:arg></t:s></p>
        <ul class="bad-rows">
          <xsl:for-each select="errors/row">
            <li data-line="{@line}"><t:s key="office.cal_line"><t:arg name="n"><xsl:value-of select="@line"/></t:arg></t:s><xsl:text> </xsl:text><t:label set="ocal" select="@reason"/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="calendar/@preview = '1'">
        <div class="notice warn">
          <p><t:s key="office.cal_preview"><t:arg name="rows"><xsl:value-of select="preview/@rows"/></t:arg><t:arg name="adds"><xsl:value-of select="preview/@adds"/></t:arg><t:arg name="changes"><xsl:value-of select="preview/@changes"/></t:arg><t:arg name="removes"><xsl:value-of select="preview/@removes"/></t:arg></t:s></p>
        </div>
        <xsl:if test="preview/change">
          <div class="tablewrap">
            <table class="changes">
              <thead><tr><th scope="col"><t:s key="office.cal_date"/></th><th scope="col"><t:s key="office.cal_what"/></th>
                <th scope="col"><t:s key="office.cal_before"/></th><th scope="col"><t:s key="office.cal_after"/></th></tr></thead>
              <tbody>
                <xsl:for-each select="preview/change">
                  <tr class="{@what}">
                    <td><xsl:value-of select="@date"/></td>
                    <td><t:label set="ocalw" select="@what"/></td>
                    <td><xsl:if test="@old-kind"><t:label set="ocalk" select="@old-kind"/><xsl:text> </xsl:text><xsl:value-of select="@old-name"/></xsl:if></td>
                    <td><xsl:if test="@kind"><t:label set="ocalk" select="@kind"/><xsl:text> </xsl:text><xsl:value-of select="@name"/></xsl:if></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:if>
        <form method="post" action="/office/calendar" class="noprint">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'year'"/></xsl:call-template>
          <xsl:call-template name="hidden"><xsl:with-param name="name" select="'csv_text'"/></xsl:call-template>
          <p><button type="submit" name="action" value="load"><t:s key="office.cal_confirm"/></button>
            <xsl:text> </xsl:text><a href="/office/calendar?year={$year}"><t:s key="office.cal_cancel"/></a></p>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <p><t:s key="office.cal_counts"><t:arg name="h"><xsl:value-of select="calendar/@holidays"/></t:arg><t:arg name="w"><xsl:value-of select="calendar/@workdays"/></t:arg></t:s></p>
      </xsl:otherwise>
    </xsl:choose>
    <p class="legend"><span class="holiday"><t:s key="ocalk.holiday"/></span><span class="workday"><t:s key="ocalk.workday"/></span><span class="weekend"><t:s key="office.cal_weekend"/></span></p>
    <div class="months">
      <xsl:for-each select="months/month">
        <table>
          <caption><t:label set="omonth" select="@n"/></caption>
          <thead><tr>
            <th scope="col"><t:s key="oweek.1"/></th><th scope="col"><t:s key="oweek.2"/></th><th scope="col"><t:s key="oweek.3"/></th>
            <th scope="col"><t:s key="oweek.4"/></th><th scope="col"><t:s key="oweek.5"/></th><th scope="col"><t:s key="oweek.6"/></th>
            <th scope="col"><t:s key="oweek.7"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="week">
              <tr>
                <xsl:for-each select="d">
                  <td>
                    <xsl:if test="@kind"><xsl:attribute name="class"><xsl:value-of select="@kind"/></xsl:attribute></xsl:if>
                    <xsl:if test="string(@name)"><xsl:attribute name="title"><xsl:value-of select="@name"/></xsl:attribute></xsl:if>
                    <xsl:if test="@date"><xsl:attribute name="data-date"><xsl:value-of select="@date"/></xsl:attribute></xsl:if>
                    <xsl:value-of select="@day"/>
                  </td>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:for-each>
    </div>
    <xsl:if test="not(calendar/@preview = '1')">
      <h2 class="noprint"><t:s key="office.cal_upload"/></h2>
      <form method="post" action="/office/calendar" enctype="multipart/form-data" class="noprint">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="year" value="{$year}"/>
        <p class="hint"><t:s key="office.cal_format"/></p>
        <div class="field">
          <label for="f-csv"><t:s key="office.cal_file"/></label>
          <div class="input"><input id="f-csv" type="file" name="csv" accept=".csv,text/csv" required="required"/></div>
        </div>
        <p><button type="submit" name="action" value="preview"><t:s key="office.cal_preview_btn"/></button></p>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
