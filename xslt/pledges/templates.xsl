<?xml version="1.0" encoding="UTF-8"?>
<!--
  pledges/templates.xsl — every published version of every kind's text,
  grouped by kind, newest first; the newest is the one new signings use.
  data: <kinds resign-days><kind code party resign/>…</kinds>,
        <templates><template id kind version published-at published-by>
          <title/><note/></template>…</templates>  (by kind, then version descending)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:t="urn:wangan:text">

  <xsl:import href="common.xsl"/>

  <xsl:template name="title">
    <t:s key="templates.title"/>
  </xsl:template>

  <xsl:template match="data" mode="content">
    <xsl:variable name="base" select="/page/@base"/>
    <xsl:variable name="all" select="templates/template"/>

    <p class="crumbs small"><a href="{$base}"><t:s key="pl.back"/></a></p>
    <h1><t:s key="templates.title"/></h1>
    <p class="muted"><t:s key="templates.intro"/></p>

    <xsl:for-each select="kinds/kind">
      <xsl:variable name="vs" select="$all[@kind = current()/@code]"/>
      <section class="kind">
        <h2>
          <t:label set="plkind" select="@code"/>
          <span class="sub">
            <t:s key="templates.signed_by">
              <t:arg name="party"><t:label set="party" select="@party"/></t:arg>
            </t:s>
          </span>
        </h2>
        <xsl:if test="/page/account/@role = 'office' and $vs">
          <p class="small"><a href="{/page/@base}templates/new?kind={@code}"><t:s key="publish.new"/></a></p>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$vs">
            <div class="tablewrap">
              <table class="versions">
                <colgroup>
                  <col class="c-version"/>
                  <col class="c-title"/>
                  <col class="c-published"/>
                  <col class="c-by"/>
                  <col class="c-note"/>
                  <col class="c-action"/>
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col"><t:s key="templates.col_version"/></th>
                    <th scope="col"><t:s key="templates.col_title"/></th>
                    <th scope="col"><t:s key="templates.col_published"/></th>
                    <th scope="col"><t:s key="templates.col_by"/></th>
                    <th scope="col"><t:s key="templates.col_note"/></th>
                    <th scope="col"><span class="vh"><t:s key="pl.col_action"/></span></th>
                  </tr>
                </thead>
                <tbody>
                  <xsl:for-each select="$vs">
                    <tr>
                      <td class="num">
                        <t:s key="pl.version"><t:arg name="v"><xsl:value-of select="@version"/></t:arg></t:s>
                        <xsl:if test="position() = 1">
                          <small class="dates"><t:s key="templates.latest"/></small>
                        </xsl:if>
                      </td>
                      <td lang="zh-CN"><a href="{$base}templates/{@id}"><xsl:value-of select="title"/></a></td>
                      <td class="num"><xsl:value-of select="substring(@published-at, 1, 16)"/></td>
                      <td class="small"><xsl:value-of select="@published-by"/></td>
                      <td class="small"><xsl:value-of select="note"/></td>
                      <td class="num">
                        <a href="{$base}templates/{@id}"><t:s key="templates.view"/></a>
                        <xsl:text> · </xsl:text>
                        <a href="{$base}templates/{@id}/print"><t:s key="templates.print"/></a>
                      </td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <p class="muted"><t:s key="templates.none"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="css-extra">
    <xsl:call-template name="pl-css"/>
    <xsl:text>
table.versions{table-layout:fixed}
@media (min-width:48rem){table.versions{min-width:48rem}}
table.versions td{overflow-wrap:anywhere}
col.c-version{width:8rem}
col.c-title{width:32%}
col.c-published{width:10.5rem}
col.c-by{width:8rem}
col.c-action{width:7.5rem}
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
