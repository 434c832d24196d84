<?xml version="1.0" encoding="UTF-8"?>
<!-- office/units.xsl — the units (unit.c): <filter q closed after?/> <units next?><unit …/>…</units>,
     <form> (create), <pick> (parents). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.units"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.units"/></h1>
    <p class="help"><t:s key="help.office/units"/></p>
    <xsl:call-template name="filter-form">
      <xsl:with-param name="action" select="'/office/units'"/>
      <xsl:with-param name="clear" select="'/office/units'"/>
      <xsl:with-param name="fields">
        <label><t:s key="office.search"/><xsl:text> </xsl:text><input type="search" name="q" value="{filter/@q}" maxlength="64"/></label>
        <xsl:call-template name="filter-check">
          <xsl:with-param name="label"><t:s key="office.show_closed"/></xsl:with-param>
          <xsl:with-param name="name" select="'closed'"/>
          <xsl:with-param name="on" select="filter/@closed = '1'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="not(units/unit)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="office.no_units"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tablewrap">
          <table class="units">
            <thead><tr>
              <th scope="col"><t:s key="ofield.code"/></th><th scope="col"><t:s key="ofield.name"/></th>
              <th scope="col"><t:s key="ofield.kind"/></th><th scope="col"><t:s key="ofield.parent"/></th>
              <th scope="col"><t:s key="office.state"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="units/unit">
                <tr class="unit-{@code}">
                  <td><a href="/office/units/{@id}"><xsl:value-of select="@code"/></a></td>
                  <td><xsl:value-of select="name"/></td>
                  <td><t:label set="kind" select="@kind"/></td>
                  <td><xsl:value-of select="parent-name"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@active = '1'"><t:s key="office.open"/></xsl:when>
                      <xsl:otherwise><span class="chip chip-muted"><t:s key="office.closed"/></span><xsl:text> </xsl:text><xsl:value-of select="substring(@closed-at, 1, 10)"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:if test="string(units/@next)">
          <xsl:call-template name="pager">
            <xsl:with-param name="next" select="concat('/office/units?q=', filter/@q, '&amp;closed=', filter/@closed, '&amp;after=', units/@next)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <h2><t:s key="office.unit_new"/></h2>
    <form method="post" action="/office/units">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="hidden"><xsl:with-param name="name" select="'nonce'"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'code'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="hint"><t:s key="office.code_hint"/></xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="required" select="true()"/></xsl:call-template>
      <xsl:call-template name="field-row"><xsl:with-param name="name" select="'name_en'"/></xsl:call-template>
      <xsl:call-template name="select-row"><xsl:with-param name="name" select="'kind'"/><xsl:with-param name="required" select="true()"/>
        <xsl:with-param name="set" select="'kind'"/><xsl:with-param name="codes" select="'school center college office affiliated other'"/></xsl:call-template>
      <xsl:call-template name="unit-select"><xsl:with-param name="name" select="'parent'"/></xsl:call-template>
      <p><button type="submit"><t:s key="office.create"/></button></p>
    </form>
  </xsl:template>
</xsl:stylesheet>
