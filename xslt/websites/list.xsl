<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/list.xsl — the filings, newest first: <filter state mine unit?/>, <sites next? count><site …/>…</sites>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:r="urn:wangan:rows" extension-element-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="web.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <h1><t:s key="web.title"/></h1>
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:if test="$r = 'unit_staff' or $r = 'unit_head'">
      <p class="actions"><a class="button" href="/websites/new"><t:s key="web.new"/></a></p>
    </xsl:if>
    <p class="lists" id="web-lists">
      <a href="/websites/?mine=1"><t:s key="web.mine"/></a>
      <xsl:text> · </xsl:text><a href="/websites/?down=1" id="web-list-down"><t:s key="wwatch.list_down"/></a>
      <xsl:text> · </xsl:text><a href="/websites/?trigger=1" id="web-list-trigger"><t:s key="wwatch.list_trigger"/></a>
      <xsl:text> · </xsl:text><a href="/websites/?failing=1"><t:s key="wcheck.failing"/></a>
      <xsl:text> · </xsl:text><a href="/websites/?overdue=1"><t:s key="wcheck.overdue_list"/></a>
      <xsl:if test="$r = 'center' or $r = 'office'"><xsl:text> · </xsl:text><a href="/websites/checklist"><t:s key="wcheck.checklist"/></a></xsl:if>
      <xsl:if test="$r = 'center'">
        <xsl:text> · </xsl:text><a href="/websites/?for_suspension=1" id="web-for-suspension"><t:s key="web.for_suspension"/></a>
        <xsl:text> · </xsl:text><a href="/websites/?refile=1" id="web-pending-refiles"><t:s key="web.pending_refiles"/></a>
        <xsl:text> · </xsl:text><a href="/websites/discovered" id="web-discover"><t:s key="web.discover"/></a>
      </xsl:if>
    </p>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/websites/'"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="web.state"/></xsl:with-param>
          <xsl:with-param name="name" select="'state'"/>
          <xsl:with-param name="any">—</xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options"><xsl:with-param name="set" select="'wstate'"/><xsl:with-param name="codes" select="'draft submitted approved rectifying recheck passed online returned withdrawn suspended discovered closed'"/><xsl:with-param name="value" select="$f/@state"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-check">
          <xsl:with-param name="label"><t:s key="web.mine"/></xsl:with-param>
          <xsl:with-param name="name" select="'mine'"/>
          <xsl:with-param name="on" select="$f/@mine = '1'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="sites/site">
        <div class="tablewrap">
          <table class="sites">
            <thead><tr>
              <th scope="col">#</th><th scope="col"><t:s key="web.unit"/></th>
              <th scope="col"><t:s key="wfield.name"/></th><th scope="col"><t:s key="wfield.domain"/></th>
              <th scope="col"><t:s key="wfield.location"/></th><th scope="col"><t:s key="web.state"/></th>
            </tr></thead>
            <tbody>
              <r:for-each select="sites/site">
                <tr>
                  <th scope="row"><a href="/websites/{@id}"><xsl:value-of select="@id"/></a></th>
                  <td><xsl:value-of select="unit"/></td>
                  <td><xsl:value-of select="name"/></td>
                  <td class="code"><xsl:value-of select="@domain"/></td>
                  <td><t:label set="wloc" select="@location"/></td>
                  <td><t:label set="wstate" select="@state"/> <small class="dates"><xsl:value-of select="@since"/></small>
                    <xsl:if test="@file-by and @state = 'discovered'"><xsl:text> </xsl:text><small class="file-by"><t:s key="web.file_by"/><xsl:text> </xsl:text><xsl:value-of select="@file-by"/></small></xsl:if></td>
                </tr>
              </r:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="pager">
          <xsl:with-param name="next">
            <!-- one link keeping every filter (two merged branches once wrote it twice, end to end) -->
            <xsl:if test="sites/@next">/websites/?after=<xsl:value-of select="sites/@next"/>&amp;state=<xsl:value-of select="$f/@state"/><xsl:if test="$f/@mine = '1'">&amp;mine=1</xsl:if><xsl:if test="$f/@unit">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if><xsl:if test="$f/@down = '1'">&amp;down=1</xsl:if><xsl:if test="$f/@trigger = '1'">&amp;trigger=1</xsl:if><xsl:if test="$f/@for_suspension = '1'">&amp;for_suspension=1&amp;from=<xsl:value-of select="sites/@next-from"/></xsl:if><xsl:if test="$f/@refile = '1'">&amp;refile=1</xsl:if></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="count" select="sites/@count"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="web.none"/></xsl:with-param></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
