"""The derivations: one module per handout, named after its topic, each exposing `derivation`.

`INTRODUCTION` and `REFERENCES` answer the two questions of the seed article's section 0.2 (what
does computational neuroscience study, and what has it found?); the index page and the front of
the book show them whenever the library's handouts are rendered. Paragraphs are separated by a
blank line.
"""

from __future__ import annotations

from derive.model import Text

INTRODUCTION = Text(
    "What does computational neuroscience study? How the nervous system works, written as mathematics "
    "and checked against measurements: how an ion channel opens, how a neuron turns the currents through "
    "its membrane into a voltage and into spikes, how a spike travels along an axon, and how networks of "
    "neurons store memories, learn and make decisions. Dayan and Abbott sort its models into three kinds: "
    "descriptive models say what a neuron or a brain area does, mechanistic models how it does it, and "
    "interpretive models why it might work that way.\n\n"
    "What has it found? The first and best-tested result is the subject of these handouts. In 1952 Hodgkin "
    "and Huxley wrote the squid axon's membrane as four differential equations fitted to their voltage-clamp "
    "measurements, and the equations produced the action potential, its threshold and its refractory period, "
    "and a conduction speed of 18.8 m/s against the 21.2 m/s they measured. The gates they postulated were "
    "later seen one channel at a time with the patch clamp (Neher and Sakmann, 1976). Rall's cable theory "
    "(from 1959) explained how dendrites spread and filter voltage. Further on, Hopfield's network (1982) "
    "showed how memories can be stable states of many connected neurons, and the spikes of dopamine neurons "
    "were found to signal the error in a prediction of reward, the quantity that temporal-difference "
    "learning needs (Schultz, Dayan and Montague, 1997).\n\n"
    "These handouts stay with the single neuron, as the article's chapter 1 does: from the random walk and "
    "the Boltzmann distribution to the resting potential, the Hodgkin-Huxley model and the cable equation. "
    "The resting potential turns out not to be an equilibrium but a steady state that the Na⁺/K⁺ pump "
    "maintains. Every step is checked by the computer, and every result again by a simulation that does not "
    "use it.",
    "计算神经科学研究什么？它用数学描述神经系统如何工作，并用测量来检验：离子通道如何开启，神经元如何把流过细胞膜的"
    "电流变成电压和动作电位，动作电位如何沿轴突传播，神经元网络如何储存记忆、学习和作出决定。Dayan 和 Abbott 把它的"
    "模型分为三类：描述性模型说明一个神经元或一个脑区做什么，机制模型说明它怎样做到，解释性模型说明它为什么可能这样工作。\n\n"
    "它有哪些成果？最早、也经过最多检验的成果正是这些讲义的主题。1952 年，Hodgkin 和 Huxley 根据他们的电压钳测量，"
    "把乌贼轴突的细胞膜写成四个微分方程；这些方程给出了动作电位、它的阈值和不应期，以及 18.8 m/s 的传导速度（他们测得 "
    "21.2 m/s）。他们假设的门控后来用膜片钳一个通道一个通道地观察到了（Neher 和 Sakmann，1976）。Rall 的电缆理论"
    "（1959 年起）解释了树突如何传递和过滤电压。更进一步，Hopfield 网络（1982）说明了记忆可以是许多相互连接的神经元的"
    "稳定状态；人们还发现多巴胺神经元的放电表示对奖赏的预测误差，也就是时间差分学习所需要的量（Schultz、Dayan 和 "
    "Montague，1997）。\n\n"
    "这些讲义和原文第 1 章一样只讨论单个神经元：从无规行走和 Boltzmann 分布，到静息电位、Hodgkin-Huxley 模型和电缆"
    "方程。静息电位其实不是平衡态，而是由 Na⁺/K⁺ 泵维持的稳态。每一步都由计算机检验，每个结果还与一个不使用该结果的"
    "模拟再次对照。",
)

REFERENCES = (
    Text("P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), preface and ch. 1",
         "P. Dayan 和 L. F. Abbott，Theoretical Neuroscience (2001)，前言和第 1 章"),
    Text("W. Gerstner, W. M. Kistler, R. Naud and L. Paninski, Neuronal Dynamics (2014)",
         "W. Gerstner、W. M. Kistler、R. Naud 和 L. Paninski，Neuronal Dynamics (2014)"),
    Text("A. L. Hodgkin and A. F. Huxley, J. Physiol. 117, 500 (1952)",
         "A. L. Hodgkin 和 A. F. Huxley，J. Physiol. 117, 500 (1952)"),
    Text("E. Neher and B. Sakmann, Nature 260, 799 (1976)", "E. Neher 和 B. Sakmann，Nature 260, 799 (1976)"),
    Text("W. Rall, Exp. Neurol. 1, 491 (1959)", "W. Rall，Exp. Neurol. 1, 491 (1959)"),
    Text("J. J. Hopfield, Proc. Natl. Acad. Sci. USA 79, 2554 (1982)",
         "J. J. Hopfield，Proc. Natl. Acad. Sci. USA 79, 2554 (1982)"),
    Text("W. Schultz, P. Dayan and P. R. Montague, Science 275, 1593 (1997)",
         "W. Schultz、P. Dayan 和 P. R. Montague，Science 275, 1593 (1997)"),
    Text("P. Nelson, Biological Physics: Energy, Information, Life (2004)",
         "P. Nelson，《生物物理学：能量、信息、生命》（中译本；英文原版 2004 年）"),
)
