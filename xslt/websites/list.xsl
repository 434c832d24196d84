<?xml version="1.0" encoding="UTF-8"?>
<!--
  websites/list.xsl — the filings, newest first: <filter state mine unit? down trigger failing
  for_suspension? refile? sort dir q lq-q lq/>, <sites next? next-from? next-at? first? count><site …/>…</sites>.
  The plain lists page by their own cursors (?after=NEXT, for_suspension ?from=NEXT-FROM too); with a
  search or another sort (listtools.xsl) the pages seek forward: ?at=NEXT-AT&after=NEXT, filters kept.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text" xmlns:r="urn:wangan:rows" extension-element-prefixes="r">
  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>
  <xsl:template name="title"><t:s key="web.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="base" select="'/websites/'"/>
    <!-- the list's filters, one at a time as the server takes them, to keep on every link -->
    <xsl:variable name="keep">
      <xsl:choose>
        <xsl:when test="$f/@for_suspension = '1'">&amp;for_suspension=1</xsl:when>
        <xsl:when test="$f/@refile = '1'">&amp;refile=1</xsl:when>
        <xsl:when test="$f/@trigger = '1'">&amp;trigger=1</xsl:when>
        <xsl:when test="$f/@down = '1'">&amp;down=1</xsl:when>
        <xsl:when test="$f/@failing = '1'">&amp;failing=1</xsl:when>
        <xsl:when test="$f/@mine = '1'">&amp;mine=1</xsl:when>
        <xsl:when test="string($f/@state)">&amp;state=<xsl:value-of select="$f/@state"/></xsl:when>
      </xsl:choose>
      <xsl:if test="$f/@unit">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if>
    </xsl:variable>
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
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_web"/></xsl:with-param>
        </xsl:call-template>
        <!-- the lists the bar has no field for ride along, so a search stays in its list -->
        <xsl:for-each select="$f/@for_suspension[. = '1'] | $f/@refile[. = '1'] | $f/@trigger[. = '1'] | $f/@down[. = '1'] | $f/@failing[. = '1'] | $f/@unit">
          <input type="hidden" name="{name()}" value="{.}"/>
        </xsl:for-each>
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
      <xsl:with-param name="clear">
        <xsl:if test="string($keep) or string($f/@q)"><xsl:value-of select="$base"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="sites/site">
        <div class="tablewrap">
          <table class="sites">
            <thead><tr>
              <xsl:call-template name="lt-th">
                <xsl:with-param name="key" select="'id'"/>
                <xsl:with-param name="label">#</xsl:with-param>
                <xsl:with-param name="base" select="$base"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <xsl:call-template name="lt-th">
                <xsl:with-param name="key" select="'unit'"/>
                <xsl:with-param name="label"><t:s key="web.unit"/></xsl:with-param>
                <xsl:with-param name="base" select="$base"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <xsl:call-template name="lt-th">
                <xsl:with-param name="key" select="'name'"/>
                <xsl:with-param name="label"><t:s key="wfield.name"/></xsl:with-param>
                <xsl:with-param name="base" select="$base"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <xsl:call-template name="lt-th">
                <xsl:with-param name="key" select="'domain'"/>
                <xsl:with-param name="label"><t:s key="wfield.domain"/></xsl:with-param>
                <xsl:with-param name="base" select="$base"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
              <th scope="col"><t:s key="wfield.location"/></th>
              <xsl:call-template name="lt-th">
                <xsl:with-param name="key" select="'state'"/>
                <xsl:with-param name="label"><t:s key="web.state"/></xsl:with-param>
                <xsl:with-param name="base" select="$base"/>
                <xsl:with-param name="keep" select="$keep"/>
              </xsl:call-template>
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
          <xsl:with-param name="first">
            <xsl:if test="sites/@first = '1'"><xsl:value-of select="concat($base, '?sort=', $f/@sort, '&amp;dir=', $f/@dir, $keep, $f/@lq-q)"/></xsl:if>
          </xsl:with-param>
          <xsl:with-param name="next">
            <!-- one link keeping every filter (two merged branches once wrote it twice, end to end) -->
            <xsl:choose>
              <xsl:when test="not(string(sites/@next))"/>
              <xsl:when test="string(sites/@next-at)"><xsl:value-of select="concat($base, '?at=', sites/@next-at, '&amp;after=', sites/@next, $keep, $f/@lq)"/></xsl:when>
              <xsl:when test="$f/@for_suspension = '1'"><xsl:value-of select="concat($base, '?after=', sites/@next, $keep, '&amp;from=', sites/@next-from)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($base, '?after=', sites/@next, $keep)"/></xsl:otherwise>
            </xsl:choose>
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
