<?xml version="1.0" encoding="UTF-8"?>
<!--
  registration/list.xsl — units with each enabled role's current holder.
  data: <roles report-days><role code selected?/>…</roles>, <filter missing late/>,
        <units count prev? next?><unit id code kind late><name/>
          <holder role name mobile/>…</unit>…</units>
  Pagination by unit code: ?after=NEXT / ?before=PREV, filters kept.  With a
  search or another sort (listtools.xsl) the pages seek forward:
  ?at=NEXT-AT&after=NEXT, with the filters, the search and the sort kept.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text"
    xmlns:r="urn:wangan:rows"
    extension-element-prefixes="r">

  <xsl:import href="../widgets.xsl"/>
  <xsl:import href="../listtools.xsl"/>

  <xsl:template name="title">
    <t:s key="list.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <!-- the filters, to keep on the pagination links -->
    <xsl:variable name="keep">
      <xsl:if test="string(filter/@missing)">
        <xsl:text>&amp;missing=</xsl:text>
        <xsl:value-of select="filter/@missing"/>
      </xsl:if>
      <xsl:if test="filter/@late = '1'">&amp;late=1</xsl:if>
    </xsl:variable>

    <h1><t:s key="list.title"/></h1>
    <p class="muted">
      <xsl:choose><xsl:when test="roles/@report-unit = 'days'"><t:s key="list.intro_days"><t:arg name="days"><xsl:value-of select="roles/@report-days"/></t:arg></t:s></xsl:when><xsl:otherwise><t:s key="list.intro"><t:arg name="days"><xsl:value-of select="roles/@report-days"/></t:arg></t:s></xsl:otherwise></xsl:choose>
      <xsl:if test="$all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="list.own_unit"/>
      </xsl:if>
    </p>

    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="$base"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_reg"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-select">
          <xsl:with-param name="label"><t:s key="list.filter_missing"/></xsl:with-param>
          <xsl:with-param name="name" select="'missing'"/>
          <xsl:with-param name="any"><t:s key="list.filter_any"/></xsl:with-param>
          <xsl:with-param name="options">
            <xsl:for-each select="roles/role">
              <option value="{@code}">
                <xsl:if test="@selected">
                  <xsl:attribute name="selected">selected</xsl:attribute>
                </xsl:if>
                <t:label set="role" select="@code"/>
              </option>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="filter-check">
          <xsl:with-param name="label"><t:s key="list.filter_late"/></xsl:with-param>
          <xsl:with-param name="name" select="'late'"/>
          <xsl:with-param name="on" select="filter/@late = '1'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string(filter/@missing) or filter/@late = '1' or string(filter/@q)"><xsl:value-of select="$base"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
        <xsl:if test="$all = '1'">
          <a class="export" href="{$base}export.xml"><t:s key="list.export"/></a>
        </xsl:if>
        <xsl:if test="/page/account/@role = 'office'">
          <a href="{$base}import"><t:s key="imp.title.units"/></a>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:choose>
      <xsl:when test="units/unit">
        <div class="tablewrap">
          <table class="units">
            <thead>
              <tr>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'code'"/>
                  <xsl:with-param name="label"><t:s key="list.col_code"/></xsl:with-param>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'name'"/>
                  <xsl:with-param name="label"><t:s key="list.col_name"/></xsl:with-param>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <r:for-each select="roles/role">
                  <th scope="col"><t:label set="role" select="@code"/></th>
                </r:for-each>
                <th scope="col"><t:s key="list.col_late"/></th>
              </tr>
            </thead>
            <tbody>
              <!-- r:for-each: xsl:for-each compiled to C when the view loads (core/rows.h) -->
              <r:for-each select="units/unit">
                <tr>
                  <td><xsl:value-of select="@code"/></td>
                  <!-- relative: this page is always $base itself, and a plain
                       attribute value is cheaper per row than one built from a variable -->
                  <th><a href="{@id}"><xsl:value-of select="name"/></a></th>
                  <!-- The C side emits one holder per enabled role, in the roles'
                       order (empty when nobody holds it), so cells pair by position. -->
                  <xsl:for-each select="holder">
                    <td>
                      <xsl:choose>
                        <xsl:when test="@name">
                          <xsl:value-of select="@name"/>
                          <small><xsl:value-of select="@mobile"/></small>
                        </xsl:when>
                        <xsl:when test="@required = '1'">
                          <strong class="gap"><t:s key="list.missing"/></strong>
                        </xsl:when>
                        <!-- an optional role (registration.required_roles) left empty is no gap -->
                        <xsl:otherwise>
                          <span class="muted notset"><t:s key="list.not_set"/></span>
                        </xsl:otherwise>
                      </xsl:choose>
                    </td>
                  </xsl:for-each>
                  <td>
                    <xsl:if test="@late = '1'">
                      <strong><t:s key="list.late"/></strong>
                      <!-- which role's report came late, by how many working days, linked to its row -->
                      <xsl:for-each select="late-item">
                        <a class="late-item" href="{@unit}#h-{@holder}" title="{@name}">
                          <t:s key="list.late_item">
                            <t:arg name="role"><t:label set="role" select="@role"/></t:arg>
                            <t:arg name="days"><xsl:value-of select="@days"/></t:arg>
                            <t:arg name="deadline"><xsl:value-of select="@deadline"/></t:arg>
                            <t:arg name="reported"><xsl:value-of select="@reported"/></t:arg>
                          </t:s>
                        </a>
                      </xsl:for-each>
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
          <xsl:with-param name="text"><t:s key="list.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="pager">
      <xsl:with-param name="first">
        <xsl:if test="units/@first = '1'"><xsl:value-of select="concat($base, '?sort=', filter/@sort, '&amp;dir=', filter/@dir, $keep, filter/@lq-q)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="prev">
        <xsl:if test="string(units/@prev)"><xsl:value-of select="concat($base, '?before=', units/@prev, $keep)"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="next">
        <xsl:choose>
          <xsl:when test="string(units/@next-at)">
            <xsl:value-of select="concat($base, '?at=', units/@next-at, '&amp;after=', units/@next, $keep, filter/@lq)"/>
          </xsl:when>
          <xsl:when test="string(units/@next)"><xsl:value-of select="concat($base, '?after=', units/@next, $keep)"/></xsl:when>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="count" select="units/@count"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:text>
table.units tbody th{font-weight:400}
table.units tbody td:first-child{font-family:ui-monospace,Consolas,monospace;font-size:.9rem;white-space:nowrap}
table.units small{display:block;color:var(--muted);font-size:.85rem}
table.units strong{color:var(--bad)}
.export{margin-left:auto}
table.units a.late-item{display:block;font-size:.85rem;white-space:nowrap}
table.units .notset{font-size:.9rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
