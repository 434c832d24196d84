<?xml version="1.0" encoding="UTF-8"?>
<!-- home/todo.xsl — the reader's to-do (modules/home/todo.c):
     <todo role soon-days soon-hours cap><group name count more?><item module kind unit-id record
     state clock link due? since? left? late? late-days? actor><title/><unit/>?</item>…</group>…
     <summary>?<row module kind count oldest/>…</summary></todo>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:t="urn:wangan:text">
  <xsl:import href="common.xsl"/>
  <xsl:template name="title"><t:s key="home.title"/></xsl:template>
  <xsl:template name="css-extra">
.todo-group{margin:0 0 1.5rem}
.todo-group h2{font-size:1.1rem;margin:.2rem 0 .5rem}
.todo-group.overdue h2{color:#a30d0d}
.todo-list{list-style:none;margin:0;padding:0}
.todo-list li{padding:.45rem .6rem;border-left:4px solid #bbb;margin:0 0 .35rem;background:#fafafa}
.todo-group.overdue li{border-left-color:#a30d0d}
.todo-group.soon li{border-left-color:#b26a00}
.todo-list .what{font-weight:600}
.todo-list .when{display:inline-block;margin-left:.5rem;white-space:nowrap}
.todo-group.overdue .when{color:#a30d0d;font-weight:600}
.todo-list .unit,.todo-list .due{color:#555;margin-left:.5rem}
  </xsl:template>
  <xsl:template match="data" mode="content">
    <h1><t:s key="home.title"/></h1>
    <p class="lists"><a href="/home/guide/{todo/@role}"><t:s key="home.my_guide"/></a></p>
    <xsl:choose>
      <xsl:when test="not(todo/group/item)">
        <xsl:call-template name="empty"><xsl:with-param name="text"><t:s key="home.nothing_today"/></xsl:with-param></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="todo/group"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="todo/summary"/>
  </xsl:template>

  <xsl:template match="group">
    <section class="todo-group {@name}" id="{@name}">
      <h2>
        <t:label set="hgroup" select="@name"/>
        <xsl:text> </xsl:text><span class="count">(<xsl:value-of select="@count"/><xsl:if test="@more">+</xsl:if>)</span>
      </h2>
      <xsl:choose>
        <xsl:when test="item">
          <ul class="todo-list">
            <xsl:apply-templates select="item"/>
          </ul>
          <xsl:if test="@more">
            <p class="notice info"><t:s key="home.more"><t:arg name="n"><xsl:value-of select="../@cap"/></t:arg></t:s></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <p class="none"><t:label set="hnone" select="@name"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="item">
    <li data-module="{@module}" data-kind="{@kind}">
      <a href="{@link}" class="what">
        <t:label set="hkind" select="concat(@module, '_', @kind)"/>
        <xsl:variable name="st"><xsl:apply-templates select="." mode="state"/></xsl:variable>
        <xsl:if test="string($st)"><t:s key="home.colon"/><xsl:value-of select="$st"/></xsl:if>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="title"/>
      </a>
      <xsl:if test="unit"><span class="unit"><xsl:value-of select="unit"/></span></xsl:if>
      <xsl:apply-templates select="." mode="when"/>
      <xsl:if test="@due">
        <span class="due"><t:s key="home.due"><t:arg name="at"><xsl:choose>
          <xsl:when test="@clock = 'hour'"><xsl:value-of select="substring(@due, 1, 16)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="substring(@due, 1, 10)"/></xsl:otherwise>
        </xsl:choose></t:arg></t:s></span>
      </xsl:if>
      <xsl:if test="not(@due) and @since">
        <span class="due"><t:s key="home.since"><t:arg name="at"><xsl:value-of select="substring(@since, 1, 16)"/></t:arg></t:s></span>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- The time left, or how late: working days for a day's deadline, hours and minutes for an hour's. -->
  <xsl:template match="item" mode="when">
    <xsl:choose>
      <xsl:when test="@late and @clock = 'hour'">
        <span class="when"><t:s key="home.late_hm"><t:arg name="h"><xsl:value-of select="floor(@late div 60)"/></t:arg><t:arg name="m"><xsl:value-of select="@late mod 60"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:when test="@late and @late &gt; 0">
        <span class="when"><t:s key="home.late_days"><t:arg name="n"><xsl:value-of select="@late"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:when test="@late">
        <span class="when"><t:s key="home.late_cal"><t:arg name="n"><xsl:value-of select="@late-days"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:when test="@left and @clock = 'hour'">
        <span class="when"><t:s key="home.left_hm"><t:arg name="h"><xsl:value-of select="floor(@left div 60)"/></t:arg><t:arg name="m"><xsl:value-of select="@left mod 60"/></t:arg></t:s></span>
      </xsl:when>
      <xsl:when test="@left = 0">
        <span class="when"><t:s key="home.due_today"/></span>
      </xsl:when>
      <xsl:when test="@left">
        <span class="when"><t:s key="home.left_days"><t:arg name="n"><xsl:value-of select="@left"/></t:arg></t:s></span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The item's state in its module's words (the modules' own label sets). -->
  <xsl:template match="item" mode="state">
    <xsl:choose>
      <xsl:when test="@kind = 'holder_missing'"><t:label set="role" select="@state"/></xsl:when>
      <xsl:when test="@module = 'pledges'"><t:label set="plkind" select="@state"/></xsl:when>
      <xsl:when test="@kind = 'assessment' and string(@state)"><t:s key="home.level"><t:arg name="n"><xsl:value-of select="@state"/></t:arg></t:s></xsl:when>
      <xsl:when test="@kind = 'incident_step'"><t:label set="incstep" select="@state"/></xsl:when>
      <xsl:when test="@kind = 'notice'"><t:label set="ncstatus" select="@state"/></xsl:when>
      <xsl:when test="@kind = 'rectify'"><t:label set="rcstatus" select="@state"/></xsl:when>
      <xsl:when test="@module = 'cloud' and @kind = 'change'"><t:label set="cchange" select="@state"/></xsl:when>
      <xsl:when test="@module = 'cloud'"><t:label set="cstate" select="@state"/></xsl:when>
      <xsl:when test="@module = 'websites' and @kind = 'site'"><t:label set="wstate" select="@state"/></xsl:when>
      <xsl:when test="@module = 'websites' and @kind = 'finding'"><t:label set="wsev" select="@state"/></xsl:when>
      <xsl:when test="@module = 'duties'"><t:label set="dustate" select="@state"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="summary">
    <section class="todo-summary">
      <h2><t:s key="home.all_overdue"/></h2>
      <xsl:choose>
        <xsl:when test="row">
          <div class="tablewrap">
            <table>
              <thead><tr>
                <th scope="col"><t:s key="home.module"/></th><th scope="col"><t:s key="home.kind"/></th>
                <th scope="col"><t:s key="home.count"/></th><th scope="col"><t:s key="home.oldest"/></th>
              </tr></thead>
              <tbody>
                <xsl:for-each select="row">
                  <tr>
                    <td><t:label set="nav" select="@module"/></td>
                    <td><t:label set="hkind" select="concat(@module, '_', @kind)"/></td>
                    <td class="num"><xsl:value-of select="@count"/></td>
                    <td><xsl:choose>
                      <!-- a day's deadline (midnight): the day alone -->
                      <xsl:when test="substring(@oldest, 12) = '00:00:00'"><xsl:value-of select="substring(@oldest, 1, 10)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="substring(@oldest, 1, 16)"/></xsl:otherwise>
                    </xsl:choose></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise>
          <p class="none"><t:s key="home.no_overdue_anywhere"/></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
