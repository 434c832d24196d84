<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/vendors.xsl — the vendor registry: the companies that sign letter
  (2), by name, with where each stands with it.  The office adds vendors.
  data: <filter active/>, <vendors count next?><vendor id uscc active status
          signing-id? signed?><name/><contact/><phone/></vendor>…</vendors>
  With the list tools (listtools.xsl; filter/@q @sort @dir @lq @lq-q,
  vendors @first @next-at @next): search, sortable titles, the keyset pager
  ?at=…&after=ID, CSV/XLSX of exactly these rows; filter/@active 0 lists the
  vendors no longer active.  A unit's
  staff see the vendors serving their unit.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="vendors.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="all">
      <xsl:call-template name="reads-all"/>
    </xsl:variable>
    <xsl:variable name="active" select="filter/@active != '0'"/>
    <!-- the filter, to keep on the pagination links -->
    <xsl:variable name="keep">
      <xsl:if test="not($active)">&amp;active=0</xsl:if>
    </xsl:variable>

    <p class="crumbs small"><a href="{$base}"><t:s key="pl.back"/></a></p>
    <h1>
      <t:s key="vendors.title"/>
      <xsl:if test="not($active)">
        <span class="sub"><t:s key="vendors.inactive"/></span>
      </xsl:if>
    </h1>
    <p class="muted">
      <t:s key="vendors.intro"/>
      <xsl:if test="$all != '1'">
        <xsl:text> </xsl:text>
        <t:s key="vendors.own_unit"/>
      </xsl:if>
    </p>

    <p class="actions">
      <xsl:if test="/page/account/@role = 'office'">
        <a class="button" href="{$base}vendors/new"><t:s key="vendors.new"/></a>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$active">
          <a href="{$base}vendors?active=0"><t:s key="vendors.show_inactive"/></a>
        </xsl:when>
        <xsl:otherwise>
          <a href="{$base}vendors"><t:s key="vendors.show_active"/></a>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$all = '1'">
        <a href="{$base}?kind=letter2&amp;status=all"><t:s key="vendors.in_coverage"/></a>
      </xsl:if>
    </p>

    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="concat($base, 'vendors')"/>
      <xsl:with-param name="fields">
        <xsl:call-template name="lt-search">
          <xsl:with-param name="hint"><t:s key="lt.hint_vendors"/></xsl:with-param>
        </xsl:call-template>
        <xsl:if test="not($active)">
          <input type="hidden" name="active" value="0"/>
        </xsl:if>
      </xsl:with-param>
      <xsl:with-param name="clear">
        <xsl:if test="string(filter/@lq)"><xsl:value-of select="concat($base, 'vendors?', substring($keep, 2))"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="links">
        <xsl:call-template name="lt-exports">
          <xsl:with-param name="base" select="concat($base, 'vendors')"/>
          <xsl:with-param name="keep" select="$keep"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:choose>
      <xsl:when test="vendors/vendor">
        <div class="tablewrap">
          <table class="vendors">
            <thead>
              <tr>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'name'"/>
                  <xsl:with-param name="label"><t:s key="field.company"/></xsl:with-param>
                  <xsl:with-param name="base" select="concat($base, 'vendors')"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
                <th scope="col"><t:s key="field.uscc"/></th>
                <th scope="col"><t:s key="field.contact"/></th>
                <th scope="col"><t:s key="field.phone"/></th>
                <th scope="col"><t:label set="plkind" select="'letter2'"/></th>
                <xsl:call-template name="lt-th">
                  <xsl:with-param name="key" select="'id'"/>
                  <xsl:with-param name="label">#</xsl:with-param>
                  <xsl:with-param name="base" select="concat($base, 'vendors')"/>
                  <xsl:with-param name="keep" select="$keep"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="vendors/vendor">
                <tr>
                  <td><a href="/pledges/vendors/{@id}"><xsl:value-of select="name"/></a></td>
                  <td class="code"><xsl:value-of select="@uscc"/></td>
                  <td><xsl:value-of select="contact"/></td>
                  <td class="num"><xsl:value-of select="phone"/></td>
                  <td>
                    <xsl:call-template name="status"/>
                    <xsl:if test="@signing-id">
                      <xsl:text> </xsl:text>
                      <a href="/pledges/signings/{@signing-id}"><xsl:value-of select="@signed"/></a>
                    </xsl:if>
                  </td>
                  <td class="num"><xsl:value-of select="@id"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="empty">
          <xsl:with-param name="text"><t:s key="vendors.empty"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:call-template name="lt-pager">
      <xsl:with-param name="base" select="concat($base, 'vendors')"/>
      <xsl:with-param name="keep" select="$keep"/>
      <xsl:with-param name="rows" select="vendors"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
  </xsl:template>
</xsl:stylesheet>
