<?xml version="1.0" encoding="UTF-8"?>
<!-- websites/watch.xsl — the watcher's part of the site page (outage.c):
     <watch checked status error down-since/> at the top ("down now"), and
     <outages trigger-hours><outage …><note/></outage>…</outages> with the
     unit's "handled" form and the office's "make it an incident" button;
     <outage-form form outage incident?><note/><error field code/>…</outage-form>
     after a refused write. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:template match="watch">
    <xsl:choose>
      <xsl:when test="string(@down-since)">
        <p class="notice bad" id="web-down"><strong><t:s key="wwatch.down_now"/></strong><xsl:text> </xsl:text>
          <t:s key="web.since"/><xsl:text> </xsl:text><xsl:value-of select="@down-since"/>
          (<xsl:call-template name="wwatch-seen"/>)</p>
      </xsl:when>
      <xsl:when test="string(@checked)">
        <p class="notice" id="web-up"><t:s key="wwatch.up"/><xsl:text> </xsl:text><xsl:value-of select="@checked"/> (HTTP <xsl:value-of select="@status"/>)</p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="wwatch-seen">
    <xsl:choose>
      <xsl:when test="string(@error)"><t:label set="wwatch" select="@error"/><xsl:if test="@status != '0'"> HTTP <xsl:value-of select="@status"/></xsl:if></xsl:when>
      <xsl:otherwise>HTTP <xsl:value-of select="@status"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="outages">
    <xsl:variable name="r" select="/page/account/@role"/>
    <xsl:variable name="sid" select="../site/@id"/>
    <xsl:variable name="f" select="../outage-form"/>
    <h2 id="web-outages"><t:s key="wwatch.outages"/></h2>
    <xsl:if test="$f/@incident">
      <p class="notice bad" id="web-already"><t:s key="wwatch.already"/><xsl:text> </xsl:text><a href="/incidents/{$f/@incident}">#<xsl:value-of select="$f/@incident"/></a></p>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="outage">
        <div class="tablewrap">
          <table class="outages">
            <thead><tr>
              <th scope="col">#</th><th scope="col"><t:s key="wwatch.from"/></th><th scope="col"><t:s key="wwatch.to"/></th>
              <th scope="col"><t:s key="wwatch.seen"/></th><th scope="col"><t:s key="wwatch.handled"/></th><th scope="col"></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="outage">
                <tr id="outage-{@id}">
                  <xsl:if test="@trigger = '1'"><xsl:attribute name="class">trigger</xsl:attribute></xsl:if>
                  <th scope="row"><xsl:value-of select="@id"/></th>
                  <td><xsl:value-of select="@started"/></td>
                  <td><xsl:choose><xsl:when test="string(@ended)"><xsl:value-of select="@ended"/></xsl:when><xsl:otherwise><strong><t:s key="wwatch.down_now"/></strong></xsl:otherwise></xsl:choose></td>
                  <td class="seen"><xsl:call-template name="wwatch-seen"/></td>
                  <td class="handled"><xsl:if test="string(@handled-at)"><xsl:value-of select="@handled-by"/>, <xsl:value-of select="@handled-at"/>: <xsl:value-of select="note"/></xsl:if></td>
                  <td>
                    <xsl:if test="@trigger = '1'"><p class="trigger"><t:s key="wwatch.trigger"><t:arg name="hours"><xsl:value-of select="../@trigger-hours"/></t:arg></t:s></p></xsl:if>
                    <xsl:if test="string(@incident)"><a class="incident" href="/incidents/{@incident}"><t:s key="wwatch.incident"/> #<xsl:value-of select="@incident"/></a></xsl:if>
                    <xsl:if test="not(string(@handled-at)) and ($r = 'unit_staff' or $r = 'unit_head')">
                      <form method="post" action="/websites/{$sid}/outage" class="outage-handle">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="outage" value="{@id}"/>
                        <input type="hidden" name="version" value="{@version}"/>
                        <label><t:s key="wwatch.note"/>
                          <textarea name="note" maxlength="500" required="required"><xsl:if test="$f/@form = 'handle' and $f/@outage = @id"><xsl:value-of select="$f/note"/></xsl:if></textarea></label>
                        <xsl:if test="$f/@form = 'handle' and $f/@outage = @id and $f/error"><span class="error"><t:s key="msg.required"/></span></xsl:if>
                        <button type="submit"><t:s key="wwatch.mark"/></button>
                      </form>
                    </xsl:if>
                    <xsl:if test="@trigger = '1' and not(string(@incident)) and $r = 'office'">
                      <form method="post" action="/websites/{$sid}/incident" class="outage-incident">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="outage" value="{@id}"/>
                        <input type="hidden" name="version" value="{@version}"/>
                        <button type="submit"><t:s key="wwatch.make_incident"/></button>
                      </form>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="empty"><t:s key="wwatch.none"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
