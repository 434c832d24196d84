<?xml version="1.0" encoding="UTF-8"?>
<!--
  dashboard/matrix.xsl — GET /dashboard/: the units × duties matrix, the
  snapshot's time and the office's refresh, the pager.  The table's head
  has the duty titles, each a sort link; each row a cell per duty: its
  colour, the count of its worst state over the total, a link to the
  records behind it in the duty's module (print.xsl draws the same table).
  data: <snapshot at hm ms stale?/> <duties><duty code module/>…</duties>
        <units sort next? next-r? paged? count><unit id code><name/><c d g a r t s n u uc/>…</unit>…</units>
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:r="urn:wangan:rows" extension-element-prefixes="r">
  <xsl:import href="common.xsl"/>

  <xsl:template name="matrix-table">
    <xsl:param name="links" select="true()"/>
    <xsl:variable name="sort" select="units/@sort"/>
    <table class="matrix">
      <thead><tr>
        <th scope="col">
          <xsl:choose>
            <xsl:when test="$links and $sort != 'code'"><a href="/dashboard/?sort=code"><t:s key="dash.unit"/></a></xsl:when>
            <xsl:otherwise><t:s key="dash.unit"/><xsl:if test="$sort = 'code'"> ↓</xsl:if></xsl:otherwise>
          </xsl:choose>
        </th>
        <xsl:for-each select="duties/duty">
          <th scope="col" data-duty="{@code}">
            <xsl:choose>
              <xsl:when test="$links and $sort != @code"><a href="/dashboard/?sort={@code}" t:title="dash.sort_by"><t:label set="duty" select="@code"/></a></xsl:when>
              <xsl:otherwise><t:label set="duty" select="@code"/><xsl:if test="$sort = @code"> ↓</xsl:if></xsl:otherwise>
            </xsl:choose>
          </th>
        </xsl:for-each>
      </tr></thead>
      <tbody>
        <r:for-each select="units/unit">
          <tr>
            <th scope="row"><a href="/dashboard/unit/{@code}"><xsl:value-of select="name"/></a> <small class="code"><xsl:value-of select="@code"/></small></th>
            <xsl:for-each select="c">
              <td class="cell {@s}" data-duty="{@d}" data-g="{@g}" data-a="{@a}" data-r="{@r}" data-t="{@t}">
                <xsl:choose>
                  <xsl:when test="@s = 'none'"><span class="muted">—</span></xsl:when>
                  <xsl:otherwise>
                    <a>
                      <xsl:attribute name="href">
                        <xsl:choose>
                          <xsl:when test="@d = 'reg'">/registration/<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'pledge' and @s = 'green'">/pledges/?status=all&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'pledge'">/pledges/?status=open&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'sys' and @s = 'red'">/systems/?overdue=1&amp;unit=<xsl:value-of select="@uc"/></xsl:when>
                          <xsl:when test="@d = 'sys'">/systems/?unit=<xsl:value-of select="@uc"/></xsl:when>
                          <xsl:when test="@d = 'vm' and @s = 'red'">/cloud/?due=overdue&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'vm' and @s = 'amber'">/cloud/?due=soon&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'vm'">/cloud/?state=active&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'web'">/websites/?unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'inc'">/incidents/list?unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'notice' and @s = 'green'">/incidents/notices?status=all&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:when test="@d = 'notice'">/incidents/notices?status=open&amp;unit=<xsl:value-of select="@u"/></xsl:when>
                          <xsl:otherwise>/incidents/periods?unit=<xsl:value-of select="@u"/></xsl:otherwise>
                        </xsl:choose>
                      </xsl:attribute>
                      <xsl:value-of select="@n"/>/<xsl:value-of select="@t"/>
                    </a>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
            </xsl:for-each>
          </tr>
        </r:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template name="title"><t:s key="dash.title"/></xsl:template>
  <xsl:template name="css-extra"><xsl:call-template name="dash-css"/></xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="dash.title"/></h1>
    <p class="help"><t:s key="help.dashboard/matrix"/></p>
    <xsl:if test="@refreshed"><div class="notice ok" role="status"><p><t:s key="dash.refreshed_now"/></p></div></xsl:if>
    <xsl:if test="@busy"><div class="notice" role="status"><p><t:s key="dash.busy"/></p></div></xsl:if>
    <div class="snapshot">
      <span id="snapshot" data-at="{snapshot/@at}">
        <xsl:choose>
          <xsl:when test="string(snapshot/@hm)"><t:s key="dash.as_of"><t:arg name="hm"><xsl:value-of select="snapshot/@hm"/></t:arg></t:s></xsl:when>
          <xsl:otherwise><t:s key="dash.never"/></xsl:otherwise>
        </xsl:choose>
      </span>
      <xsl:if test="/page/account/@role = 'office'">
        <form method="post" action="/dashboard/refresh">
          <xsl:call-template name="csrf"/>
          <button type="submit"><t:s key="dash.refresh"/></button>
        </form>
      </xsl:if>
    </div>
    <p class="actions">
      <a href="/dashboard/print?sort={units/@sort}"><t:s key="dash.print"/></a> ·
      <a href="/dashboard/matrix.csv">CSV</a> ·
      <a href="/dashboard/matrix.xlsx">XLSX</a> ·
      <a href="/dashboard/charts"><t:s key="dash.charts"/></a>
    </p>
    <xsl:call-template name="legend"/>
    <xsl:choose>
      <xsl:when test="units/unit">
        <div class="tablewrap"><xsl:call-template name="matrix-table"/></div>
        <xsl:call-template name="pager">
          <xsl:with-param name="first"><xsl:if test="units/@paged">/dashboard/?sort=<xsl:value-of select="units/@sort"/></xsl:if></xsl:with-param>
          <xsl:with-param name="next"><xsl:if test="units/@next">/dashboard/?sort=<xsl:value-of select="units/@sort"/>&amp;after=<xsl:value-of select="units/@next"/><xsl:if test="units/@next-r">&amp;after_r=<xsl:value-of select="units/@next-r"/></xsl:if></xsl:if></xsl:with-param>
          <xsl:with-param name="count" select="units/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="dash.empty"/></xsl:with-param></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <h2><t:s key="dash.rules"/></h2>
    <dl class="rules">
      <xsl:for-each select="duties/duty">
        <dt><t:label set="duty" select="@code"/></dt>
        <dd><t:label set="dhelp" select="@code"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>
</xsl:stylesheet>
