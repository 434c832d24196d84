<?xml version="1.0" encoding="UTF-8"?>
<!-- office/upstream.xsl — the upstreams (upstream.c): <upstreams><upstream id code profile enabled
     last-id? last-at? last-kind? last-by? last-rows? last-bytes? last-sha256? last-watermark?>
     <name/></upstream>…</upstreams>.  Each has two export buttons (POST with the CSRF token);
     the answer is the document itself, as a download. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="office.upstream"/></xsl:template>
  <xsl:template name="css-extra">
    .upstreams form { display: inline; margin-right: .5rem; }
    .upstreams td.sha { font-family: ui-monospace, Consolas, monospace; font-size: .8rem; word-break: break-all; }
  </xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:call-template name="office-nav"/>
    <h1><t:s key="office.upstream"/></h1>
    <p class="help"><t:s key="help.office/upstream"/></p>
    <p><a href="/office/upstream/log"><t:s key="office.up_log"/></a></p>
    <xsl:choose>
      <xsl:when test="not(upstreams/upstream)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="office.up_none"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="tablewrap">
          <table class="upstreams">
            <thead><tr>
              <th scope="col"><t:s key="office.up_name"/></th><th scope="col"><t:s key="office.up_profile"/></th>
              <th scope="col"><t:s key="office.up_last"/></th><th scope="col"><t:s key="office.up_sha"/></th>
              <th scope="col"><t:s key="office.up_export"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="upstreams/upstream">
                <tr id="up-{@code}">
                  <td><xsl:value-of select="name"/><br/><span class="muted code"><xsl:value-of select="@code"/></span>
                    <xsl:if test="@enabled != '1'"><xsl:text> </xsl:text><span class="chip chip-muted"><t:s key="office.up_disabled"/></span></xsl:if></td>
                  <td class="code"><xsl:value-of select="@profile"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="string(@last-id)">
                        <a href="/office/upstream/log?upstream={@id}"><xsl:call-template name="time"><xsl:with-param name="t" select="@last-at"/></xsl:call-template></a>
                        <br/><span class="muted"><t:label set="upkind" select="@last-kind"/><xsl:text> · </xsl:text>
                        <t:s key="office.up_rows"><t:arg name="n"><xsl:value-of select="@last-rows"/></t:arg></t:s><xsl:text> · </xsl:text>
                        <t:s key="office.up_bytes"><t:arg name="n"><xsl:value-of select="@last-bytes"/></t:arg></t:s><xsl:text> · </xsl:text>
                        <xsl:value-of select="@last-by"/></span>
                      </xsl:when>
                      <xsl:otherwise><span class="muted"><t:s key="office.up_never"/></span></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="sha"><xsl:value-of select="@last-sha256"/></td>
                  <td>
                    <xsl:if test="@enabled = '1'">
                      <form method="post" action="/office/upstream/{@id}/export">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" name="kind" value="incremental"><t:s key="office.up_incremental"/></button>
                      </form>
                      <form method="post" action="/office/upstream/{@id}/export">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" name="kind" value="full"><t:s key="office.up_full"/></button>
                      </form>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
