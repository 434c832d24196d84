<?xml version="1.0" encoding="UTF-8"?>
<!--
  systems/list.xsl — the inventory: every system by id, 50 a page.
  data: <filter unit unit-id kind level status overdue/> (unit: a unit code),
        <systems next? next-due? count><system id unit-id unit-code kind level
          status cii next-due? due-kind? overdue? filed? web-id? web-state? web-link?><name/><unit/></system>…</systems>
        (web-*: a website entry's live filing; web-link when the websites module is on)
  Pagination by id (?after=NEXT), or with overdue=1 by due date
  (?after_due=NEXT-DUE&after=NEXT), filters kept.  With a search or another
  sort (listtools.xsl) the pages seek forward: ?at=NEXT-AT&after=NEXT.  level 0 is not graded;
  filed: a public-security filing number is recorded (level 2 and above).
  A unit's staff see their own unit (filter/@unit is theirs, whatever the
  query said), so only the roles that read every unit get the unit filter.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    xmlns:r="urn:wangan:rows"
    extension-element-prefixes="r">

  <xsl:import href="common.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <xsl:template name="title">
    <t:s key="systems.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="f" select="filter"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <xsl:variable name="unit" select="$all = '1' and string($f/@unit)"/>
    <xsl:variable name="by-due" select="$f/@overdue = '1'"/>
    <!-- the filters, to keep on the pagination links -->
    <xsl:variable name="keep">
      <xsl:if test="string($f/@kind)">
        <xsl:text>&amp;kind=</xsl:text>
        <xsl:value-of select="$f/@kind"/>
      </xsl:if>
      <xsl:if test="string($f/@level)">
        <xsl:text>&amp;level=</xsl:text>
        <xsl:value-of select="$f/@level"/>
      </xsl:if>
      <xsl:if test="string($f/@status)">
        <xsl:text>&amp;status=</xsl:text>
        <xsl:value-of select="$f/@status"/>
      </xsl:if>
      <xsl:if test="$f/@overdue = '1'">&amp;overdue=1</xsl:if>
      <xsl:if test="$unit">
        <xsl:text>&amp;unit=</xsl:text>
        <xsl:value-of select="$f/@unit"/>
      </xsl:if>
    </xsl:variable>

    <h1><t:s key="systems.title"/></h1>
    <p class="muted">
      <t:s key="systems.intro"/>
      <xsl:if test="$all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="systems.own_unit"/>
      </xsl:if>
    </p>

    <p class="actions">
      <xsl:if test="$can-file = '1'">
        <a class="button" href="{$base}new"><t:s key="systems.new"/></a>
      </xsl:if>
      <a href="{$base}overdue"><t:s key="systems.overdue_list"/></a>
      <xsl:if test="$all = '1'">
        <a href="{$base}export.xml"><t:s key="systems.export"/></a>
      </xsl:if>
      <xsl:if test="/page/account/@role = 'office'">
        <a href="{$base}import"><t:s key="imp.title.systems"/></a>
      </xsl:if>
    </p>

    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:if test="not($by-due)">
          <xsl:call-template name="lt-search">
            <xsl:with-param name="hint"><t:s key="lt.hint_sys"/></xsl:with-param>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="systems.filter_kind"/></xsl:with-param>
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="any"><t:s key="systems.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'kind'"/>
              <xsl:with-param name="codes" select="$kinds"/>
              <xsl:with-param name="value" select="$f/@kind"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="systems.filter_level"/></xsl:with-param>
          <xsl:with-param name="name" select="'level'"/>
          <xsl:with-param name="any"><t:s key="systems.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'level'"/>
              <xsl:with-param name="codes" select="concat('0 ', $levels)"/>
              <xsl:with-param name="value" select="$f/@level"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="systems.filter_status"/></xsl:with-param>
          <xsl:with-param name="name" select="'status'"/>
          <xsl:with-param name="any"><t:s key="systems.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:call-template name="options">
              <xsl:with-param name="set" select="'status'"/>
              <xsl:with-param name="codes" select="$statuses"/>
              <xsl:with-param name="value" select="$f/@status"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:if test="$all = '1'">
          <label>
            <t:s key="systems.filter_unit"/>
            <input type="text" name="unit" maxlength="32" class="unitcode" value="{$f/@unit}"/>
          </label>
        </xsl:if>
        <xsl:call-template name="filter-check">
          <xsl:with-param name="label"><t:s key="systems.filter_overdue"/></xsl:with-param>
          <xsl:with-param name="name" select="'overdue'"/>
          <xsl:with-param name="on" select="$f/@overdue = '1'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string($keep) or string($f/@q)"><xsl:value-of select="$base"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:if test="not($by-due)">
          <xsl:call-template name="lt-exports">
            <xsl:with-param name="keep" select="$keep"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:choose>
      <xsl:when test="systems/system">
        <div class="tablewrap">
          <table class="systems">
            <thead>
              <tr>
                <xsl:choose>
                  <xsl:when test="$by-due"><th scope="col"><t:s key="sysfield.name"/></th></xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="lt-th">
                      <xsl:with-param name="key" select="'name'"/>
                      <xsl:with-param name="label"><t:s key="sysfield.name"/></xsl:with-param>
                      <xsl:with-param name="keep" select="$keep"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
                <th scope="col"><t:s key="sysfield.unit"/></th>
                <th scope="col"><t:s key="sysfield.kind"/></th>
                <th scope="col"><t:s key="systems.col_level"/></th>
                <th scope="col"><t:s key="sysfield.status"/></th>
                <th scope="col"><t:s key="systems.col_filed"/></th>
                <th scope="col"><t:s key="systems.col_due"/></th>
                <th scope="col"><abbr t:title="sysfield.cii"><t:s key="sys.cii_short"/></abbr></th>
              </tr>
            </thead>
            <tbody>
              <!-- r:for-each: xsl:for-each compiled when the view loads (core/rows.h) -->
              <r:for-each select="systems/system">
                <tr>
                  <xsl:if test="@overdue = '1'">
                    <xsl:attribute name="class">overdue</xsl:attribute>
                  </xsl:if>
                  <th scope="row"><a href="/systems/{@id}"><xsl:value-of select="name"/></a></th>
                  <!-- a unit's staff see only their unit: the link then shows the same list -->
                  <td><a href="/systems/?unit={@unit-code}"><xsl:value-of select="unit"/></a></td>
                  <td><t:label set="syskind" select="@kind"/></td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="@level = '0'">
                        <span class="muted"><t:s key="syslevel.0"/></span>
                      </xsl:when>
                      <xsl:otherwise><t:label set="syslevel" select="@level"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@status = 'retired'"><xsl:attribute name="class">num muted</xsl:attribute></xsl:when>
                      <xsl:otherwise><xsl:attribute name="class">num</xsl:attribute></xsl:otherwise>
                    </xsl:choose>
                    <t:label set="sysstatus" select="@status"/>
                    <!-- a website entry's live filing and its state (a link when the websites module is on) -->
                    <xsl:if test="@web-id">
                      <xsl:text> </xsl:text>
                      <xsl:choose>
                        <xsl:when test="@web-link = '1'">
                          <a href="/websites/{@web-id}" data-web-state="{@web-state}">
                            <xsl:attribute name="class">
                              <xsl:choose>
                                <xsl:when test="@web-state = 'online'">chip chip-ok</xsl:when>
                                <xsl:when test="@web-state = 'suspended' or @web-state = 'discovered' or @web-state = 'rectifying'">chip chip-bad</xsl:when>
                                <xsl:otherwise>chip chip-warn</xsl:otherwise>
                              </xsl:choose>
                            </xsl:attribute>
                            <t:s key="websites.filing"/><xsl:text> </xsl:text><t:label set="wstate" select="@web-state"/>
                          </a>
                        </xsl:when>
                        <xsl:otherwise>
                          <span class="chip chip-muted" data-web-state="{@web-state}">
                            <t:s key="websites.filing"/><xsl:text> </xsl:text><t:label set="wstate" select="@web-state"/>
                          </span>
                        </xsl:otherwise>
                      </xsl:choose>
                    </xsl:if>
                  </td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="@level = '0' or @level = '1'"><span class="muted">—</span></xsl:when>
                      <xsl:when test="@filed = '1'"><span class="chip chip-ok"><t:s key="systems.filed"/></span></xsl:when>
                      <xsl:otherwise><span class="chip chip-bad"><t:s key="systems.not_filed"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="num">
                    <!-- the widgets' deadline cell, written out (r:for-each calls no template) -->
                    <xsl:choose>
                      <xsl:when test="@overdue = '1'">
                        <span class="due late">
                          <xsl:value-of select="@next-due"/>
                          <xsl:text> </xsl:text>
                          <t:s key="w.overdue"/>
                        </span>
                      </xsl:when>
                      <xsl:otherwise><span class="due"><xsl:value-of select="@next-due"/></span></xsl:otherwise>
                    </xsl:choose>
                    <xsl:if test="@due-kind = 'cii'">
                      <small class="dates"><t:s key="sys.due_cii"/></small>
                    </xsl:if>
                  </td>
                  <td>
                    <xsl:if test="@cii = '1'">
                      <abbr class="cii" t:title="sysfield.cii"><t:s key="sys.cii_short"/></abbr>
                    </xsl:if>
                  </td>
                </tr>
              </r:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="systems.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:choose>
          <xsl:when test="systems/@first = '1'">
            <xsl:value-of select="concat($base, '?sort=', $f/@sort, '&amp;dir=', $f/@dir, $keep, $f/@lq-q)"/>
          </xsl:when>
          <xsl:when test="contains(concat('&amp;', /page/@query), '&amp;after=')">
            <xsl:value-of select="concat($base, '?', substring($keep, 2))"/>
          </xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:choose>
          <xsl:when test="not(string(systems/@next))"/>
          <xsl:when test="string(systems/@next-at)">
            <xsl:value-of select="concat($base, '?at=', systems/@next-at, '&amp;after=', systems/@next, $keep, $f/@lq)"/>
          </xsl:when>
          <xsl:when test="$by-due">
            <xsl:value-of select="concat($base, '?after_due=', systems/@next-due, '&amp;after=', systems/@next, $keep)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($base, '?after=', systems/@next, $keep)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="count" select="systems/@count"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="sys-css"/>
    <xsl:text>
table.systems tbody th{font-weight:400}
input.unitcode{width:8rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
