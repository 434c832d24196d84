<?xml version="1.0" encoding="UTF-8"?>
<!--
  incidents/notices.xsl — threat notices: open ones by due date (default),
  overdue ones (the unit's turn, past due), or all, newest first.
  data: <filter status unit? unit-name? sort dir q lq-q lq/>, <notices count next? next-at? first?>
          <notice id unit-id unit-code notice-no received due status timing left …><unit/><system/>
          <source/><description/></notice>…</notices>
  The everyday tools (listtools.xsl): the search, the sortable column
  titles, the exports; every link keeps the status and the unit filter
  (the office's ?unit=ID, the dashboard's links).
  rectify_list.xsl is this list for the rectification notices: it imports
  this one and overrides $base and the nt-* templates (the words).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <xsl:variable name="base" select="'/incidents/notices'"/>
  <xsl:variable name="here" select="'notices'"/>

  <xsl:template name="title">
    <xsl:call-template name="nt-title"/>
  </xsl:template>

  <!-- the words of the kind -->
  <xsl:template name="nt-title"><t:s key="incnotice.list_title"/></xsl:template>
  <xsl:template name="nt-intro"><t:s key="incnotice.intro"/></xsl:template>
  <xsl:template name="nt-new"><t:s key="incnotice.new"/></xsl:template>
  <xsl:template name="nt-empty"><t:s key="incnotice.empty"/></xsl:template>
  <xsl:template name="nt-col-received"><t:s key="field.received_at"/></xsl:template>
  <xsl:template name="nt-col-due"><t:s key="incnotice.col_due"/></xsl:template>
  <xsl:template name="nt-second"><xsl:value-of select="source"/></xsl:template>
  <xsl:template name="nt-status"><t:label set="ncstatus" select="@status"/></xsl:template>
  <xsl:template name="nt-col-no"><t:s key="field.notice_no"/></xsl:template>
  <xsl:template name="nt-col-unit"><t:s key="field.assignee"/></xsl:template>
  <xsl:template name="nt-col-text"><t:s key="field.description"/></xsl:template>
  <xsl:template name="nt-overdue"><t:label set="ncfilter" select="'overdue'"/></xsl:template>
  <xsl:template name="nt-hint"><t:s key="lt.hint_notice"/></xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="st" select="string(filter/@status)"/>
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="unit">
      <xsl:if test="string($f/@unit)">&amp;unit=<xsl:value-of select="$f/@unit"/></xsl:if>
    </xsl:variable>
    <!-- the filters, to keep on every link -->
    <xsl:variable name="keep" select="concat('&amp;status=', $st, $unit)"/>
    <xsl:call-template name="tabs"><xsl:with-param name="here" select="$here"/></xsl:call-template>
    <h1><xsl:call-template name="nt-title"/></h1>
    <p class="muted"><xsl:call-template name="nt-intro"/></p>
    <p class="actions">
      <xsl:if test="$role = 'office'">
        <a class="button" href="{$base}/new"><xsl:call-template name="nt-new"/></a>
      </xsl:if>
      <a href="{$base}?status=open{$unit}{$f/@lq-q}">
        <xsl:if test="$st = 'open'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:label set="ncfilter" select="'open'"/>
      </a>
      <a href="{$base}?status=overdue{$unit}{$f/@lq-q}">
        <xsl:if test="$st = 'overdue'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <xsl:call-template name="nt-overdue"/>
      </a>
      <a href="{$base}?status=all{$unit}{$f/@lq-q}">
        <xsl:if test="$st = 'all'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <t:label set="ncfilter" select="'all'"/>
      </a>
    </p>
    <xsl:call-template name="lt-unit">
      <xsl:with-param name="base" select="$base"/>
      <xsl:with-param name="keep" select="concat('&amp;status=', $st)"/>
    </xsl:call-template>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><xsl:call-template name="nt-hint"/></xsl:with-param>
        </xsl:call-template>
        <input type="hidden" name="status" value="{$st}"/>
        <xsl:if test="string($f/@unit)"><input type="hidden" name="unit" value="{$f/@unit}"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string($unit) or string($f/@q)"><xsl:value-of select="concat($base, '?status=', $st)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="base" select="$base"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="notices/notice">
        <div class="tablewrap">
          <table>
            <thead>
              <tr>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'id'"/>
                  <xsl:with-param name="label"><xsl:call-template name="nt-col-no"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><xsl:call-template name="nt-col-unit"/></th>
                <th scope="col"><xsl:call-template name="nt-col-text"/></th>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'received'"/>
                  <xsl:with-param name="label"><xsl:call-template name="nt-col-received"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'due'"/>
                  <xsl:with-param name="label"><xsl:call-template name="nt-col-due"/></xsl:with-param>
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><t:s key="inc.col_status"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="notices/notice">
                <tr>
                  <xsl:if test="@timing = 'overdue'"><xsl:attribute name="class">overdue</xsl:attribute></xsl:if>
                  <td><a href="{$base}/{@id}"><xsl:value-of select="@notice-no"/></a>
                    <small class="dates"><xsl:call-template name="nt-second"/></small></td>
                  <td><xsl:value-of select="unit"/></td>
                  <td><xsl:value-of select="substring(description, 1, 60)"/></td>
                  <td class="num"><xsl:call-template name="time"><xsl:with-param name="t" select="@received"/></xsl:call-template></td>
                  <td class="num">
                    <xsl:call-template name="deadline">
                      <xsl:with-param name="due" select="substring(@due, 1, 10)"/>
                      <xsl:with-param name="left">
                        <xsl:if test="@timing = 'pending' or @timing = 'overdue'"><xsl:value-of select="@left"/></xsl:if>
                      </xsl:with-param>
                    </xsl:call-template>
                  </td>
                  <td>
                    <xsl:call-template name="nt-status"/>
                    <small class="dates"><xsl:call-template name="class"><xsl:with-param name="c" select="@timing"/></xsl:call-template></small>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><xsl:call-template name="nt-empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="lt-pager">
      <xsl:with-param name="base" select="$base"/>
      <xsl:with-param name="keep" select="$keep"/>
      <xsl:with-param name="rows" select="notices"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="inc-css"/>
  </xsl:template>
</xsl:stylesheet>
