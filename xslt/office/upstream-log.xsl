<?xml version="1.0" encoding="UTF-8"?>
<!-- office/upstream-log.xsl — the export log (upstream.c): <filter upstream/> <exports next?><export id
     upstream kind status started finished by since watermark rows bytes sha256/>…</exports>,
     <upstreams> (the filter's choices).  Newest first; pages by ?before=ID. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.up_log"/></xsl:template>
  <xsl:template name="css-extra">
    .uplog td.sha { font-family: ui-monospace, Consolas, monospace; font-size: .8rem; word-break: break-all; }
    .uplog tr.failed td { background: var(--badbg); }
  </xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.up_log"/></h1>
    <p class="help"><t:s key="help.office/upstream-log"/></p>
    <p><a href="/office/upstream"><t:s key="office.upstream"/></a></p>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/office/upstream/log'"/>
      <xsl:with-param name="clear" select="'/office/upstream/log'"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="office.up_name"/></xsl:with-param>
          <xsl:with-param name="name" select="'upstream'"/>
          <xsl:with-param name="any"><t:s key="office.any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:for-each select="upstreams/upstream">
              <option value="{@id}"><xsl:if test="@id = $f/@upstream"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@code"/><xsl:text> </xsl:text><xsl:value-of select="name"/></option>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(exports/export)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="office.up_log_none"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tablewrap">
          <table class="uplog">
            <thead><tr>
              <th scope="col">#</th><th scope="col"><t:s key="office.up_name"/></th>
              <th scope="col"><t:s key="office.up_when"/></th><th scope="col"><t:s key="office.up_by"/></th>
              <th scope="col"><t:s key="office.up_kind"/></th><th scope="col"><t:s key="office.up_range"/></th>
              <th scope="col"><t:s key="office.up_size"/></th><th scope="col"><t:s key="office.up_sha"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="exports/export">
                <tr id="e{@id}" class="{@status}">
                  <td><xsl:value-of select="@id"/></td>
                  <td class="code"><xsl:value-of select="@upstream"/></td>
                  <td><xsl:call-template name="time"><xsl:with-param name="t" select="@started"/></xsl:call-template>
                    <br/><span class="muted"><xsl:call-template name="time"><xsl:with-param name="t" select="@finished"/></xsl:call-template></span></td>
                  <td><xsl:value-of select="@by"/></td>
                  <td><t:label set="upkind" select="@kind"/>
                    <xsl:if test="@status != 'ok'"><br/><span class="chip chip-bad"><t:label set="upstatus" select="@status"/></span></xsl:if></td>
                  <td><xsl:choose>
                      <xsl:when test="string(@since)"><xsl:value-of select="@since"/></xsl:when>
                      <xsl:otherwise><t:s key="office.up_from_start"/></xsl:otherwise>
                    </xsl:choose><xsl:text> → </xsl:text><xsl:value-of select="@watermark"/></td>
                  <td><t:s key="office.up_rows"><t:arg name="n"><xsl:value-of select="@rows"/></t:arg></t:s><br/>
                    <span class="muted"><t:s key="office.up_bytes"><t:arg name="n"><xsl:value-of select="@bytes"/></t:arg></t:s></span></td>
                  <td class="sha"><xsl:value-of select="@sha256"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:if test="string(exports/@next)">
          <xsl:call-template name="pager">
            <xsl:with-param name="first" select="concat('/office/upstream/log?upstream=', $f/@upstream)"/>
            <xsl:with-param name="next" select="concat('/office/upstream/log?upstream=', $f/@upstream, '&amp;before=', exports/@next)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
