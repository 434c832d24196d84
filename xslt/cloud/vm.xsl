<?xml version="1.0" encoding="UTF-8"?>
<!-- cloud/vm.xsl — one request: <vm>, <systems>, <progress>, <history>, <actions>, <form>, <gate>?, <quota>?. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="cloud.title"/></xsl:template>
  <xsl:template match="data" mode="content">
    <xsl:variable name="v" select="vm"/>
    <h1><t:s key="cloud.title"/> #<xsl:value-of select="$v/@id"/></h1>
    <xsl:if test="gate">
      <p class="notice bad"><xsl:choose><xsl:when test="gate/@kind = 'hosted_server'"><t:s key="cloud.host_gate"/></xsl:when><xsl:otherwise><t:s key="cloud.gate"/></xsl:otherwise></xsl:choose><xsl:text> </xsl:text>
        <a href="/pledges/sign?kind={gate/@kind}&amp;unit={gate/@unit-id}"><t:s key="cloud.gate_link"/></a></p>
    </xsl:if>
    <p><strong><t:s key="cloud.progress"/>: </strong><t:label set="cstate" select="progress/@state"/>
      <xsl:text> </xsl:text><t:s key="cloud.since"/><xsl:text> </xsl:text><xsl:value-of select="progress/@since"/>
      <xsl:if test="progress/@next">; <t:s key="cloud.next"/>: <t:label set="cnext" select="progress/@next"/></xsl:if></p>
    <dl>
      <dt><t:s key="cloud.unit"/></dt><dd><xsl:call-template name="unit-label"><xsl:with-param name="name" select="$v/unit-name"/><xsl:with-param name="code" select="$v/unit-code"/></xsl:call-template></dd>
      <dt><t:s key="cfield.applicant"/></dt><dd><xsl:value-of select="$v/applicant"/> (<xsl:value-of select="$v/contact"/>)</dd>
      <dt><t:s key="cloud.kind"/></dt><dd><t:label set="ckind" select="$v/kind"/></dd>
      <xsl:choose>
        <xsl:when test="$v/kind = 'host'">
          <dt><t:s key="cfield.server_config"/></dt><dd><xsl:value-of select="$v/server_config"/></dd>
          <dt><t:s key="cfield.security_devices"/></dt><dd><xsl:value-of select="$v/security_devices"/></dd>
          <dt><t:s key="cloud.review"/></dt><dd class="review"><xsl:value-of select="$v/review_date"/><xsl:text> </xsl:text><xsl:value-of select="$v/review_ref"/>
            <xsl:if test="string($v/review-scan)"><xsl:text> </xsl:text><a href="/cloud/{$v/@id}/review"><t:s key="cloud.review_scan"/></a></xsl:if></dd>
        </xsl:when>
        <xsl:otherwise>
      <dt><t:s key="cfield.image"/></dt><dd><xsl:value-of select="images/image[@id = $v/image]"/><xsl:text> </xsl:text><xsl:value-of select="$v/image_other"/></dd>
      <dt><t:s key="cloud.spec"/></dt><dd><xsl:value-of select="$v/vcpu"/> vCPU / <xsl:value-of select="$v/memory_gib"/> GiB / <xsl:value-of select="$v/disk_gib"/> GiB</dd>
        </xsl:otherwise>
      </xsl:choose>
      <dt><t:s key="cfield.period_from"/></dt><dd><xsl:value-of select="$v/period_from"/> – <xsl:value-of select="$v/period_to"/></dd>
      <dt><t:s key="cfield.purpose"/></dt><dd><xsl:value-of select="$v/purpose"/></dd>
      <xsl:if test="string($v/ip)"><dt><t:s key="cfield.ip"/></dt><dd class="code"><xsl:value-of select="$v/server-name"/> <xsl:value-of select="$v/ip"/>/<xsl:value-of select="$v/netmask"/> gw <xsl:value-of select="$v/gateway"/></dd></xsl:if>
      <xsl:if test="string($v/return-reason)"><dt><t:s key="cfield.reason"/></dt><dd><xsl:value-of select="$v/return-reason"/></dd></xsl:if>
      <dt><t:s key="cloud.systems"/></dt><dd><xsl:for-each select="systems/system"><a href="/systems/{@id}"><xsl:value-of select="."/></a><xsl:text> </xsl:text></xsl:for-each></dd>
    </dl>
    <xsl:if test="end/@period-ended"><p class="notice bad"><t:s key="cloud.period_ended"/><xsl:text> </xsl:text><xsl:value-of select="end/@period-ended"/></p></xsl:if>
    <xsl:if test="$v/@state = 'suspended'"><p class="notice bad"><t:s key="cloud.suspended"/>: <xsl:value-of select="end/suspended-by"/>, <xsl:value-of select="end/suspended-at"/> — <xsl:value-of select="end/suspend-reason"/></p></xsl:if>
    <xsl:if test="$v/@state = 'released' or $v/@state = 'decommissioned'"><p class="notice"><t:label set="cstate" select="$v/@state"/>: <xsl:value-of select="end/ended-by"/>, <xsl:value-of select="end/ended-at"/><xsl:if test="string(end/end-reason)"> — <xsl:value-of select="end/end-reason"/></xsl:if></p></xsl:if>
    <xsl:if test="quota">
      <p><t:s key="cloud.quota"/>: <xsl:value-of select="quota/@used-vcpu"/>/<xsl:value-of select="quota/@vcpu"/> vCPU, <xsl:value-of select="quota/@used-memory"/>/<xsl:value-of select="quota/@memory"/> GiB, <xsl:value-of select="quota/@used-disk"/>/<xsl:value-of select="quota/@disk"/> GiB</p>
    </xsl:if>
    <xsl:for-each select="actions/action">
      <xsl:choose>
        <xsl:when test="@name = 'release' or @name = 'decommission' or @name = 'suspend' or @name = 'lift'">
          <xsl:variable name="lf" select="/page/data/end/form"/>
          <form method="post" action="/cloud/{$v/@id}/life">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="action" value="{@name}"/>
            <input type="hidden" name="version" value="{$lf/field[@name = 'version']}"/>
            <div class="field"><label for="life-{@name}"><t:s key="cfield.reason"/></label>
              <div class="input"><textarea id="life-{@name}" name="reason" maxlength="500"><xsl:if test="/page/data/@action = @name"><xsl:value-of select="$lf/field[@name = 'reason']"/></xsl:if></textarea>
                <xsl:if test="/page/data/@action = @name and string($lf/field[@name = 'reason']/@error)"><p class="ferr"><t:label set="msg" select="$lf/field[@name = 'reason']/@error"/></p></xsl:if>
                <xsl:if test="/page/data/@action = @name and string($lf/field[@name = 'action']/@error)"><p class="ferr"><t:label set="msg" select="$lf/field[@name = 'action']/@error"/></p></xsl:if></div></div>
            <button type="submit"><t:label set="caction" select="@name"/></button>
          </form>
        </xsl:when>
        <xsl:when test="starts-with(@name, 'change-')"/><!-- change.c's: under the changes below -->
        <xsl:when test="@name = 'edit'"><p><a class="button" href="/cloud/{$v/@id}/{substring('edit', 1, 4 * ($v/kind != 'host'))}{substring('host', 1, 4 * ($v/kind = 'host'))}"><t:label set="caction" select="@name"/></a></p></xsl:when>
        <xsl:otherwise>
          <form method="post" action="/cloud/{$v/@id}/step">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="action" value="{@name}"/>
            <xsl:call-template name="hidden"><xsl:with-param name="name" select="'version'"/></xsl:call-template>
            <xsl:if test="@name = 'reject'"><xsl:call-template name="area-row"><xsl:with-param name="name" select="'reason'"/></xsl:call-template></xsl:if>
            <xsl:if test="@name = 'approve' and /page/account/@role = 'office'"><xsl:call-template name="check-row"><xsl:with-param name="name" select="'override'"/></xsl:call-template></xsl:if>
            <xsl:if test="@name = 'provision'">
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'server_name'"/></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'ip'"/></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'netmask'"/></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'gateway'"/></xsl:call-template>
              <xsl:call-template name="field-row"><xsl:with-param name="name" select="'provision_date'"/><xsl:with-param name="type" select="'date'"/></xsl:call-template>
            </xsl:if>
            <button type="submit"><t:label set="caction" select="@name"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="changes"/>
    <xsl:if test="life/@registered">
      <dl class="life">
        <dt><t:s key="cloud.registered"/></dt><dd><xsl:value-of select="life/@registered"/></dd>
        <xsl:if test="life/@due"><dt><t:s key="cloud.due"/></dt><dd><xsl:value-of select="life/@due"/></dd></xsl:if>
        <xsl:if test="life/@reclaim-from"><dt><t:s key="cloud.reclaim_from"/></dt><dd><xsl:value-of select="life/@reclaim-from"/><xsl:if test="life/@reclaimable = '1'"> (<t:s key="cloud.reclaimable"/>)</xsl:if></dd></xsl:if>
      </dl>
    </xsl:if>
    <xsl:if test="life/@may-rereg = '1'"><p><a class="button" href="/cloud/{$v/@id}/rereg"><t:s key="cloud.rereg"/></a></p></xsl:if>
    <xsl:if test="life/@may-reclaim = '1'">
      <form method="post" action="/cloud/{$v/@id}/reclaim">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="version" value="{$v/@version}"/>
        <label><t:s key="cfield.reason"/> <textarea name="reason" maxlength="500"></textarea></label>
        <button type="submit"><t:s key="cloud.reclaim"/></button>
      </form>
    </xsl:if>
    <xsl:if test="reregs/rereg">
      <h2><t:s key="cloud.reregs"/></h2>
      <ul>
        <xsl:for-each select="reregs/rereg"><li><xsl:value-of select="@at"/><xsl:text> </xsl:text><xsl:value-of select="@login"/>: <xsl:value-of select="admin"/> (<xsl:value-of select="contact"/>) → <xsl:value-of select="@due-next"/></li></xsl:for-each>
      </ul>
    </xsl:if>
    <h2><t:s key="cloud.history"/></h2>
    <ul>
      <xsl:for-each select="history/step">
        <li><xsl:value-of select="@at"/><xsl:text> </xsl:text><xsl:value-of select="@login"/>: <t:label set="cstate" select="@to"/><xsl:if test="string(reason)"> — <xsl:value-of select="reason"/></xsl:if></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
  <!-- change.c: a change or renewal — the links to file one, the diffs, the pending one's decisions. -->
  <xsl:template match="changes">
    <xsl:variable name="id" select="../vm/@id"/>
    <xsl:if test="@may-change = '1' or @may-renew = '1'">
      <p><xsl:if test="@may-change = '1'"><a class="button" href="/cloud/{$id}/change"><t:label set="cchange" select="'change'"/></a><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="@may-renew = '1'"><a class="button" href="/cloud/{$id}/change?kind=renewal"><t:label set="cchange" select="'renewal'"/></a></xsl:if></p>
    </xsl:if>
    <xsl:if test="change">
      <h2><t:s key="cloud.changes"/></h2>
      <xsl:for-each select="change">
        <div class="change">
          <p><strong><t:label set="cchange" select="@kind"/> #<xsl:value-of select="@id"/></strong>: <t:label set="cchstate" select="@state"/>
            — <xsl:value-of select="@requested-by"/>, <xsl:value-of select="@requested-at"/>
            <xsl:if test="@decided-by">; <xsl:value-of select="@decided-by"/>, <xsl:value-of select="@decided-at"/></xsl:if>
            <xsl:if test="@override = '1'"> (<t:s key="cfield.override"/>)</xsl:if></p>
          <table class="diff">
            <tr><th><t:s key="cloud.change_field"/></th><th><t:s key="cloud.change_old"/></th><th><t:s key="cloud.change_new"/></th></tr>
            <xsl:for-each select="field">
              <tr><td><t:label set="cfield" select="@name"/></td><td><xsl:value-of select="@old"/></td><td><xsl:value-of select="@new"/></td></tr>
            </xsl:for-each>
          </table>
          <p><t:s key="cfield.reason"/>: <xsl:value-of select="reason"/></p>
          <xsl:if test="decision"><p><t:s key="cloud.change_decision"/>: <xsl:value-of select="decision"/></p></xsl:if>
          <xsl:if test="@state = 'pending'">
            <xsl:variable name="f" select="../form"/>
            <xsl:if test="../@over = '1'"><p class="notice warn"><t:s key="msg.cloud_quota"/></p></xsl:if>
            <xsl:for-each select="/page/data/actions/action[starts-with(@name, 'change-')]">
              <xsl:variable name="a" select="substring-after(@name, 'change-')"/>
              <form method="post" action="/cloud/{$id}/decide">
                <xsl:call-template name="csrf"/>
                <input type="hidden" name="action" value="{$a}"/>
                <input type="hidden" name="change" value="{$f/field[@name = 'change']}"/>
                <input type="hidden" name="version" value="{$f/field[@name = 'version']}"/>
                <xsl:if test="$a != 'withdraw'">
                  <div class="field"><label for="chg-{$a}"><t:s key="cfield.reason"/></label>
                    <div class="input"><textarea id="chg-{$a}" name="reason" maxlength="500"><xsl:if test="$f/field[@name = 'action'] = $a"><xsl:value-of select="$f/field[@name = 'reason']"/></xsl:if></textarea>
                      <xsl:if test="$f/field[@name = 'action'] = $a and string($f/field[@name = 'reason']/@error)"><p class="ferr"><t:label set="msg" select="$f/field[@name = 'reason']/@error"/></p></xsl:if></div></div>
                </xsl:if>
                <xsl:if test="$a = 'approve'">
                  <div class="field"><label><input type="checkbox" name="override" value="1"/><xsl:text> </xsl:text><t:s key="cfield.override"/></label>
                    <xsl:if test="string($f/field[@name = 'override']/@error)"><p class="ferr"><t:label set="msg" select="$f/field[@name = 'override']/@error"/></p></xsl:if></div>
                </xsl:if>
                <button type="submit"><t:label set="caction" select="@name"/></button>
              </form>
            </xsl:for-each>
          </xsl:if>
        </div>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
